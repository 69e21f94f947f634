package io.github.callpush.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ForwardedHeadersTest {

  @Test
  void xForwardedForListsHostsOfEveryFieldLineInOrder() {
    assertThat(ForwardedHeaders.xForwardedFor(List.of("198.51.100.9, 203.0.113.5:8443", " ,[2001:db8::1]:4711 ,",
        "2001:db8::2, [2001:db8::3]")))
        .containsExactly("198.51.100.9", "203.0.113.5", "2001:db8::1", "2001:db8::2", "2001:db8::3");
  }

  @Test
  void forwardedReadsTheForParameterOfEachElement() {
    assertThat(ForwardedHeaders.forwardedFor(List.of(
        "for=192.0.2.60;proto=http;by=203.0.113.43, For=\"[2001:db8:cafe::17]:4711\"",
        "proto=https;for=\"198.51.100.17:80\", for=\"[2001:db8::1]\"")))
        .containsExactly("192.0.2.60", "2001:db8:cafe::17", "198.51.100.17", "2001:db8::1");
  }

  @Test
  void forwardedKeepsSeparatorsInsideQuotedStrings() {
    assertThat(ForwardedHeaders.forwardedFor(List.of("by=\"a,b;c\";for=192.0.2.60, for=\"\\\"x\"")))
        .containsExactly("192.0.2.60", "\"x");
  }

  @Test
  void forwardedElementWithoutAnAddressIsKeptAsNull() {
    assertThat(ForwardedHeaders.forwardedFor(List.of("proto=https, for=192.0.2.60, for=\"unterminated, for=\"[::1\"")))
        .containsExactly(null, "192.0.2.60", null);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ",", "\"", "\\", "for", "for=", "=", ";;;", "for=\"", "[", "]:", "[]", "\"[::1]:1",
      "for=[::1]x", ",,,for=\"\\", "\u0000", "[\"", "for=\"a\"b"})
  void neverThrowsOnMalformedValues(String value) {
    List<String> forwarded = ForwardedHeaders.forwardedFor(List.of(value));
    List<String> xForwardedFor = ForwardedHeaders.xForwardedFor(List.of(value));

    assertThat(forwarded).allMatch(host -> host == null || IpAddresses.parse(host) == null);
    assertThat(xForwardedFor).allMatch(host -> host == null || IpAddresses.parse(host) == null);
  }
}

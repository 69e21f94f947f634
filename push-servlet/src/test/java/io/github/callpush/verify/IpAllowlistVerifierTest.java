package io.github.callpush.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.PushRequest;
import io.github.callpush.verify.IpAllowlistVerifier.ProxyHeader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpAllowlistVerifierTest {

  private static final Verification NOT_ALLOWED = Verification.forbidden("address not allowed");

  private final IpAllowlistVerifier direct = IpAllowlistVerifier.builder()
      .allow("203.0.113.0/24").allow("2001:db8:0:1::/64").build();

  private final IpAllowlistVerifier behindProxies = IpAllowlistVerifier.builder()
      .allow("203.0.113.0/24").allow("2001:db8:0:1::/64").trustedProxy("10.0.0.0/8").trustedProxy("fd00::/8").build();

  private static PushRequest from(String peer, String header, String... values) {
    PushRequest.Builder builder = PushRequest.builder().remoteAddress(peer);
    for (String value : values) {
      builder.header(header, value);
    }
    return builder.build();
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.0", "203.0.113.255", "::ffff:203.0.113.7", "2001:db8:0:1::9",
      "[2001:db8:0:1::9]", "2001:db8:0:1:ffff:ffff:ffff:ffff"})
  void peerInAnAllowedBlockIsAccepted(String peer) {
    assertThat(direct.verify(from(peer, "X-Forwarded-For"))).isEqualTo(Verification.ok());
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.114.0", "198.51.100.1", "2001:db8:0:2::", "::1", "127.0.0.1", "localhost",
      "allowed.example", "", "not an address"})
  void peerOutsideTheAllowedBlocksIsForbidden(String peer) {
    assertThat(direct.verify(from(peer, "X-Forwarded-For"))).isEqualTo(NOT_ALLOWED);
  }

  @Test
  void spoofedXForwardedForFromAnUntrustedPeerIsIgnored() {
    assertThat(direct.verify(from("198.51.100.1", "X-Forwarded-For", "203.0.113.5"))).isEqualTo(NOT_ALLOWED);
    assertThat(behindProxies.verify(from("198.51.100.1", "X-Forwarded-For", "203.0.113.5"))).isEqualTo(NOT_ALLOWED);
    assertThat(behindProxies.verify(from("203.0.113.5", "X-Forwarded-For", "198.51.100.1")))
        .isEqualTo(Verification.ok());
  }

  @Test
  void trustedProxyChainIsWalkedFromTheRight() {
    assertThat(behindProxies.verify(from("10.0.0.2", "X-Forwarded-For", "198.51.100.9, 203.0.113.5, 10.0.0.1")))
        .isEqualTo(Verification.ok());
    assertThat(behindProxies.verify(from("fd00::2", "X-Forwarded-For", "2001:db8:0:1::7, [fd00::1]:443")))
        .isEqualTo(Verification.ok());
  }

  @Test
  void addressAClientPrependsBeforeTheTrustedChainIsIgnored() {
    assertThat(behindProxies.verify(from("10.0.0.2", "X-Forwarded-For", "203.0.113.5, 198.51.100.9, 10.0.0.1")))
        .isEqualTo(NOT_ALLOWED);
  }

  @Test
  void xForwardedForSpreadOverSeveralLinesIsOneList() {
    assertThat(behindProxies.verify(from("10.0.0.2", "X-Forwarded-For", "198.51.100.9", "203.0.113.5", "10.0.0.1")))
        .isEqualTo(Verification.ok());
  }

  @Test
  void trustedProxyWithoutHeaderIsTheClient() {
    IpAllowlistVerifier proxyAllowed = IpAllowlistVerifier.builder()
        .allow("10.0.0.1").trustedProxy("10.0.0.0/8").build();

    assertThat(behindProxies.verify(from("10.0.0.1", "X-Forwarded-For"))).isEqualTo(NOT_ALLOWED);
    assertThat(proxyAllowed.verify(from("10.0.0.1", "X-Forwarded-For"))).isEqualTo(Verification.ok());
  }

  @Test
  void chainOfOnlyTrustedProxiesEndsAtItsLeftmostAddress() {
    IpAllowlistVerifier internal = IpAllowlistVerifier.builder()
        .allow("10.9.0.0/16").trustedProxy("10.0.0.0/8").build();

    assertThat(internal.verify(from("10.0.0.2", "X-Forwarded-For", "10.9.0.1, 10.0.0.1"))).isEqualTo(Verification.ok());
    assertThat(internal.verify(from("10.0.0.2", "X-Forwarded-For", "10.0.0.1, 10.9.0.1"))).isEqualTo(NOT_ALLOWED);
  }

  @Test
  void unreadableEntryInTheWalkIsForbidden() {
    assertThat(behindProxies.verify(from("10.0.0.2", "X-Forwarded-For", "203.0.113.5, unknown, 10.0.0.1")))
        .isEqualTo(NOT_ALLOWED);
    assertThat(behindProxies.verify(from("10.0.0.2", "X-Forwarded-For", "unknown, 203.0.113.5, 10.0.0.1")))
        .isEqualTo(Verification.ok());
  }

  @Test
  void forwardedHeaderIsReadWhenConfigured() {
    IpAllowlistVerifier forwarded = IpAllowlistVerifier.builder()
        .allow("203.0.113.0/24").allow("2001:db8:0:1::/64").trustedProxy("10.0.0.0/8")
        .proxyHeader(ProxyHeader.FORWARDED).build();

    assertThat(forwarded.verify(from("10.0.0.2", "Forwarded", "for=203.0.113.5;proto=https, for=10.0.0.1")))
        .isEqualTo(Verification.ok());
    assertThat(forwarded.verify(from("10.0.0.2", "Forwarded", "for=\"[2001:db8:0:1::17]:4711\";by=10.0.0.2")))
        .isEqualTo(Verification.ok());
    assertThat(forwarded.verify(from("10.0.0.2", "Forwarded", "for=203.0.113.5, for=198.51.100.9")))
        .isEqualTo(NOT_ALLOWED);
    assertThat(forwarded.verify(from("10.0.0.2", "Forwarded", "for=_hidden, for=unknown"))).isEqualTo(NOT_ALLOWED);
    assertThat(forwarded.verify(from("10.0.0.2", "X-Forwarded-For", "203.0.113.5"))).isEqualTo(NOT_ALLOWED);
  }

  @Test
  void headerTheProxiesDoNotWriteIsIgnored() {
    PushRequest forgedForwarded = PushRequest.builder().remoteAddress("10.0.0.2")
        .header("X-Forwarded-For", "198.51.100.9").header("Forwarded", "for=203.0.113.5").build();

    assertThat(behindProxies.verify(forgedForwarded)).isEqualTo(NOT_ALLOWED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"[", "[::1", "\"", "for=\"unterminated", "1.2.3.4.5", "256.0.0.1", "::::", "01.2.3.4",
      "allowed.example", "203.0.113.5:", "[203.0.113.5]x", "[2001:db8::1]:", "\\", "203.0.113.5 203.0.113.6",
      "unknown", "_hidden", "\u0000"})
  void malformedEntryInTheWalkIsForbiddenNotThrown(String value) {
    IpAllowlistVerifier.Builder anyClient = IpAllowlistVerifier.builder()
        .allow("0.0.0.0/0").allow("::/0").trustedProxy("10.0.0.0/8");
    IpAllowlistVerifier xForwardedFor = anyClient.build();
    IpAllowlistVerifier forwarded = anyClient.proxyHeader(ProxyHeader.FORWARDED).build();

    assertThat(xForwardedFor.verify(from("10.0.0.2", "X-Forwarded-For", value + ", 10.0.0.1"))).isEqualTo(NOT_ALLOWED);
    assertThat(forwarded.verify(from("10.0.0.2", "Forwarded", "for=" + value + ", for=10.0.0.1")))
        .isEqualTo(NOT_ALLOWED);
  }

  @Test
  void builderNamesTheSettingAndValueItRejects() {
    assertThatThrownBy(() -> IpAllowlistVerifier.builder().allow("10.0.0.0/33"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("allow must be an IP address or CIDR block such as 10.0.0.0/8 but was \"10.0.0.0/33\"");
    assertThatThrownBy(() -> IpAllowlistVerifier.builder().trustedProxy("proxy.internal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trustedProxy must be an IP address or CIDR block such as 10.0.0.0/8 but was \"proxy.internal\"");
    assertThatThrownBy(() -> IpAllowlistVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("allow must be set at least once");
  }
}

package io.github.callpush.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

  @ParameterizedTest(name = "{0} contains {1}: {2}")
  @CsvSource({
      "0.0.0.0/0,          0.0.0.0,                     true",
      "0.0.0.0/0,          255.255.255.255,             true",
      "0.0.0.0/0,          ::1,                         false",
      "203.0.113.7/32,     203.0.113.7,                 true",
      "203.0.113.7/32,     203.0.113.8,                 false",
      "203.0.113.7,        203.0.113.7,                 true",
      "203.0.113.7,        203.0.113.6,                 false",
      "203.0.113.0/24,     203.0.113.255,               true",
      "203.0.113.0/24,     203.0.114.0,                 false",
      "10.0.0.0/9,         10.127.255.255,              true",
      "10.0.0.0/9,         10.128.0.0,                  false",
      "10.1.2.3/8,         10.200.0.1,                  true",
      "203.0.113.0/24,     ::ffff:203.0.113.9,          true",
      "::ffff:203.0.113.0/120, 203.0.113.9,             true",
      "::/0,               2001:db8::1,                 true",
      "::/0,               ::,                          true",
      "::/0,               203.0.113.7,                 false",
      "2001:db8::1/128,    2001:db8::1,                 true",
      "2001:db8::1/128,    2001:db8::2,                 false",
      "2001:db8::1,        2001:db8:0:0:0:0:0:1,        true",
      "2001:db8:0:1::/64,  2001:db8:0:1::,              true",
      "2001:db8:0:1::/64,  2001:db8:0:1:ffff:ffff:ffff:ffff, true",
      "2001:db8:0:1::/64,  2001:db8:0:2::,              false",
      "2001:db8:0:1::/64,  2001:db8:0:0:ffff:ffff:ffff:ffff, false",
      "2001:db8::/33,      2001:db8:7fff::1,            true",
      "2001:db8::/33,      2001:db8:8000::,             false"})
  void matchesAddressesAtTheEdgesOfABlock(String block, String address, boolean contained) {
    assertThat(Cidr.parse("allow", block).contains(IpAddresses.parse(address))).isEqualTo(contained);
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/8/8",
      "10.0.0.0/1000", "example.com", "example.com/8", "1.2.3", "", "/8"})
  void rejectsWhatIsNoBlockNamingTheSettingAndValue(String block) {
    assertThatThrownBy(() -> Cidr.parse("trustedProxy", block))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trustedProxy must be an IP address or CIDR block such as 10.0.0.0/8 but was \"" + block + "\"");
  }
}

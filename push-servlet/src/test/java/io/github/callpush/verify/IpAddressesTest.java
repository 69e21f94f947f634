package io.github.callpush.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTest {

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0", "127.0.0.1", "255.255.255.255", "203.0.113.7", "::", "::1", "1::",
      "2001:db8::1", "2001:DB8:0:0:8:800:200C:417A", "fe80::1:2:3:4", "1:2:3:4:5:6:7:8", "1::8", "1:2:3:4:5:6::8",
      "::ffff:203.0.113.7", "64:ff9b::192.0.2.33", "::192.0.2.33", "1:2:3:4:5:6:1.2.3.4", "0:0:0:0:0:0:0:1"})
  void parsesLiteralsAsTheJdkDoes(String literal) throws UnknownHostException {
    // safe here: every value is a literal, so the JDK does no lookup either
    assertThat(IpAddresses.parse(literal)).isEqualTo(InetAddress.getByName(literal).getAddress());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "[2001:db8::1]      | 2001:db8::1",
      "fe80::1%eth0       | fe80::1",
      "[fe80::1%25]       | fe80::1",
      " 203.0.113.7       | 203.0.113.7",
      "::ffff:c000:0221   | 192.0.2.33"})
  void acceptsBracketsZonesAndMappedForms(String text, String same) throws UnknownHostException {
    assertThat(IpAddresses.parse(text)).isEqualTo(InetAddress.getByName(same).getAddress());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4",
      "1.2.3.-4", "1..3.4", "0x7f.0.0.1", "2130706433", "1.2.3.4 x", "1.2.3.4x", ":", ":::", "1:::2", "1::2::3",
      "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7::8", "12345::", "g::", ":1::", "1::2:", "1.2.3.4::",
      "::1.2.3", "[::1", "::1]", "[1.2.3.4", "::ffff:256.1.1.1",
      "1111:2222:3333:4444:5555:6666:7777:8888:9999:aaaa:bbbb:cccc:dddd:eeee:ffff"})
  void returnsNullForTextThatIsNoLiteral(String text) {
    assertThat(IpAddresses.parse(text)).isNull();
  }
}

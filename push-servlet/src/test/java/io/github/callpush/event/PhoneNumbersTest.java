package io.github.callpush.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

  @Test
  void masksTheMiddleOfMobileAndLandlineNumbers() {
    assertThat(PhoneNumbers.mask("17319132391")).isEqualTo("173****2391");
    assertThat(PhoneNumbers.mask("01081400192")).isEqualTo("010****0192");
  }

  @Test
  void shortNumbersStillHideAtLeastFourDigits() {
    assertThat(PhoneNumbers.mask("81400192")).isEqualTo("81****92");
    assertThat(PhoneNumbers.mask("20001")).isEqualTo("****1");
    assertThat(PhoneNumbers.mask("12")).isEqualTo("**");
  }

  @Test
  void nullAndEmptyStayAsTheyAre() {
    assertThat(PhoneNumbers.mask(null)).isNull();
    assertThat(PhoneNumbers.mask("")).isEmpty();
  }
}

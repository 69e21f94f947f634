package io.github.callpush.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AgentStatusTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"0, IDLE", "1, BUSY", "2, CALLING", "3, RINGING", "4, TALKING", "5, WRAP_UP", "6, HOLD", "7, MUTE",
      "8, DISCONNECTED", "9, INVALID"})
  void standardNumbersAreNamedAsTheSpecDocumentsThem(int number, AgentStatus expected) {
    assertThat(AgentStatus.ofNumber(number)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {100, 101, 999, Integer.MAX_VALUE})
  void hundredAndAboveIsCustom(int number) {
    assertThat(AgentStatus.ofNumber(number)).isEqualTo(AgentStatus.CUSTOM);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {10, 11, 50, 99, -1, -100, Integer.MIN_VALUE})
  void numbersBetweenTheRangesAndNegativeOnesAreOther(int number) {
    assertThat(AgentStatus.ofNumber(number)).isEqualTo(AgentStatus.OTHER);
  }

  @Test
  void missingNumberIsOther() {
    assertThat(AgentStatus.ofNumber(null)).isEqualTo(AgentStatus.OTHER);
  }
}

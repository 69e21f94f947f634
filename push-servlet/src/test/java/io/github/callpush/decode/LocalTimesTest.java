package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalTimesTest {

  private static final DateTimeFormatter PLATFORM = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  @ParameterizedTest
  @ValueSource(strings = {"Asia/Shanghai", "UTC", "Asia/Kolkata", "Europe/Berlin", "America/New_York",
      "Australia/Lord_Howe", "Pacific/Apia", "America/Sao_Paulo", "+08:00", "-03:30"})
  void agreesWithZoneRulesAtRandomTimes(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    LocalTimes times = new LocalTimes(zone);
    Random random = new Random(zoneName.hashCode());
    long from = LocalDateTime.of(1900, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    long to = LocalDateTime.of(2100, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC);
    for (int i = 0; i < 20_000; i++) {
      assertAgrees(times, LocalDateTime.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)), 0,
          ZoneOffset.UTC));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"Asia/Shanghai", "Europe/Berlin", "Pacific/Apia", "America/Sao_Paulo", "Asia/Kolkata"})
  void agreesWithZoneRulesAroundEveryTransition(String zoneName) {
    ZoneId zone = ZoneId.of(zoneName);
    LocalTimes times = new LocalTimes(zone);
    for (ZoneOffsetTransition transition : zone.getRules().getTransitions()) {
      for (LocalDateTime edge : new LocalDateTime[] {transition.getDateTimeBefore(), transition.getDateTimeAfter()}) {
        for (int seconds = -3; seconds <= 3; seconds++) {
          assertAgrees(times, edge.plusSeconds(seconds));
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-02-29 10:00:00", "2021-05-08 24:00:00", "2021-05-08 14:60:00",
      "2021-05-08 14:39:60", "2021-13-08 14:39:37", "2021-00-08 14:39:37", "2021-05-00 14:39:37",
      "2021-05-08/14:39:37", "2021-05-08 14:39:3x", "+021-05-08 14:39:37", "2021-05-08 14:39:37Z",
      "2021-05-08 14:39"})
  void refusesWhatIsNotAValidLocalTime(String text) {
    assertThat(new LocalTimes(ZoneId.of("Asia/Shanghai")).parse(text)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2021-05-08 14:39:37", "2021-05-08T14:39:37"})
  void readsTheSpecTimeInShanghai(String text) {
    assertThat(new LocalTimes(ZoneId.of("Asia/Shanghai")).parse(text)).isEqualTo(Instant.ofEpochSecond(1620455977));
  }

  private static void assertAgrees(LocalTimes times, LocalDateTime local) {
    assertThat(times.parse(PLATFORM.format(local)))
        .as("%s in %s", local, times.zone())
        .isEqualTo(local.atZone(times.zone()).toInstant());
  }
}

package io.github.callpush.decode;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Turns {@code yyyy-MM-dd HH:mm:ss} times of one zone into instants. A call record carries about twenty
 * of them, so this is on the hot path: for a zone whose offset no longer changes (the platform's
 * {@code Asia/Shanghai} has not since 1991) a time after its last change is converted with plain
 * arithmetic; any other time, and every time of a zone with daylight saving, goes through
 * {@link ZoneRules} as {@code LocalDateTime.atZone} would.
 */
final class LocalTimes {

  private static final int LENGTH = "yyyy-MM-dd HH:mm:ss".length();
  private static final long SECONDS_PER_DAY = 86_400;

  private final ZoneId zone;
  /** Local epoch seconds after which the offset is {@link #steadyOffsetSeconds}; MAX_VALUE when never. */
  private final long steadyAfter;
  private final int steadyOffsetSeconds;
  /**
   * The last day converted, {@code yyyyMMdd} in the high half and its epoch day in the low half: the times of
   * one push mostly share their day. One long, so a thread reads a pair another wrote whole.
   */
  private volatile long lastDay = -1L << 32;

  LocalTimes(ZoneId zone) {
    this.zone = zone;
    ZoneRules rules = zone.getRules();
    List<ZoneOffsetTransition> transitions = rules.getTransitions();
    if (!rules.getTransitionRules().isEmpty()) {
      steadyAfter = Long.MAX_VALUE;
      steadyOffsetSeconds = 0;
    } else if (transitions.isEmpty()) {
      steadyAfter = Long.MIN_VALUE;
      steadyOffsetSeconds = rules.getOffset(Instant.EPOCH).getTotalSeconds();
    } else {
      ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
      LocalDateTime settled = last.isGap() ? last.getDateTimeAfter() : last.getDateTimeBefore();
      steadyAfter = localEpochSecond(settled);
      steadyOffsetSeconds = last.getOffsetAfter().getTotalSeconds();
    }
  }

  ZoneId zone() {
    return zone;
  }

  /** Reads {@code yyyy-MM-dd HH:mm:ss} (or with {@code T}); null when the text is not such a valid time. */
  Instant parse(String s) {
    if (s.length() != LENGTH || s.charAt(4) != '-' || s.charAt(7) != '-'
        || (s.charAt(10) != ' ' && s.charAt(10) != 'T') || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
      return null;
    }
    long epochDay;
    int date = year * 10_000 + month * 100 + day;
    long last = lastDay;
    if ((int) (last >>> 32) == date) {
      epochDay = (int) last;
    } else {
      try {
        epochDay = LocalDate.of(year, month, day).toEpochDay();
      } catch (DateTimeException noSuchDay) {
        return null;
      }
      lastDay = (long) date << 32 | (epochDay & 0xFFFF_FFFFL);
    }
    long local = epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
    if (local > steadyAfter) {
      return Instant.ofEpochSecond(local - steadyOffsetSeconds);
    }
    return LocalDateTime.of(year, month, day, hour, minute, second).atZone(zone).toInstant();
  }

  private static long localEpochSecond(LocalDateTime time) {
    return time.toLocalDate().toEpochDay() * SECONDS_PER_DAY + time.toLocalTime().toSecondOfDay();
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}

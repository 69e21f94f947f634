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

  /** The length of {@code yyyy-MM-dd HH:mm:ss}. */
  static final int LENGTH = 19;
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
    if (s.length() != LENGTH) {
      return null;
    }
    byte[] ascii = new byte[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      char c = s.charAt(i);
      if (c > 0x7F) {
        return null;
      }
      ascii[i] = (byte) c;
    }
    return parse(ascii, 0);
  }

  /** {@link #parse(String)} of the {@link #LENGTH} ASCII bytes of {@code text} from {@code from}: a JSON push's times, read without a String. */
  Instant parse(byte[] text, int from) {
    if (text[from + 4] != '-' || text[from + 7] != '-' || (text[from + 10] != ' ' && text[from + 10] != 'T')
        || text[from + 13] != ':' || text[from + 16] != ':') {
      return null;
    }
    int year = digits(text, from, from + 4);
    int month = digits(text, from + 5, from + 7);
    int day = digits(text, from + 8, from + 10);
    int hour = digits(text, from + 11, from + 13);
    int minute = digits(text, from + 14, from + 16);
    int second = digits(text, from + 17, from + 19);
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

  private static int digits(byte[] text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = text[i] - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }
}

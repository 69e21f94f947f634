package io.github.callpush.dedup;

import java.time.Duration;
import java.util.Objects;

/** What every store does with its operations' arguments: null checks, durations to milliseconds, expiries. Not API. */
final class StoreArguments {

  private StoreArguments() {}

  /** Rejects a null event key, listener id or owner, naming it. */
  static void requireNonNull(String eventKey, String listenerId, String owner) {
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(listenerId, "listenerId");
    Objects.requireNonNull(owner, "owner");
  }

  /** {@code duration} in whole milliseconds, at least 1, saturating; it must be positive. */
  static long positiveMillis(String name, Duration duration) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive but was " + duration);
    }
    try {
      return Math.max(1, duration.toMillis());
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
  }

  /** When what lasts {@code millis} from {@code now} expires: their sum, saturating at {@link Long#MAX_VALUE}. */
  static long expiresAt(long now, long millis) {
    long sum = now + millis;
    return ((now ^ sum) & (millis ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}

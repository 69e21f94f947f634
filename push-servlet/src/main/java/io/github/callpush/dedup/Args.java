package io.github.callpush.dedup;

import java.time.Duration;
import java.util.Objects;

/** Argument checks and time arithmetic shared by the stores. Not API. */
final class Args {

  private Args() {}

  /** Rejects a null event key, listener id or owner, naming it. */
  static void requireClaim(String eventKey, String listenerId, String owner) {
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(listenerId, "listenerId");
    Objects.requireNonNull(owner, "owner");
  }

  /** {@code duration} in whole milliseconds, at least 1, saturating; it must be positive. */
  static long millis(String name, Duration duration) {
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

  /** {@code now + millis}, saturating at {@link Long#MAX_VALUE}. */
  static long plus(long now, long millis) {
    long sum = now + millis;
    return ((now ^ sum) & (millis ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}

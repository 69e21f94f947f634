package io.github.callpush.spring.autoconfigure;

import io.github.callpush.EndpointSettings;
import io.github.callpush.PushObserver;
import io.github.callpush.event.PushEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What became of the forwarder's last publishes ({@code callpush.forward.*}), as the receiver's observer sees its
 * listener {@value EndpointSettings#FORWARD_LISTENER_ID} run: for the health indicator, which is down while the
 * last publish failed (the broker away, the message unroutable, no confirm in time), and up again at the next one
 * confirmed. Thread-safe.
 */
final class ForwardOutcomes implements PushObserver {

  private final Clock clock;
  /** When the last publish was confirmed, epoch millis, 0 for none: written on every confirmed push, no allocation. */
  private volatile long confirmedMillis;
  /** The last failed publish; null for none. */
  private volatile Failure failed;

  ForwardOutcomes(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void listenerRan(PushEvent event, String listenerId, long nanos, boolean succeeded) {
    if (succeeded && EndpointSettings.FORWARD_LISTENER_ID.equals(listenerId)) {
      confirmedMillis = clock.millis();
    }
  }

  @Override
  public void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
    if (EndpointSettings.FORWARD_LISTENER_ID.equals(listenerId)) {
      failed = new Failure(clock.millis(), failure.getClass().getSimpleName() + ": " + failure.getMessage());
    }
  }

  /** Whether the last publish failed: one failed, and none was confirmed later (in the same millisecond: failing). */
  boolean failing() {
    Failure last = failed;
    return last != null && last.atMillis() >= confirmedMillis;
  }

  /** When the last publish was confirmed and the last failed ({@code never} for none), and why it failed. */
  Map<String, Object> details() {
    Failure last = failed;
    long lastConfirmed = confirmedMillis;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("lastConfirmed", lastConfirmed == 0 ? "never" : Instant.ofEpochMilli(lastConfirmed).toString());
    details.put("lastFailed", last == null ? "never" : Instant.ofEpochMilli(last.atMillis()).toString());
    if (last != null) {
      details.put("failure", last.reason());
    }
    return details;
  }

  private record Failure(long atMillis, String reason) {}
}

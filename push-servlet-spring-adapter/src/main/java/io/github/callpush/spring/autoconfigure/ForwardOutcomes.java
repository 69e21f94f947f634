package io.github.callpush.spring.autoconfigure;

import io.github.callpush.EndpointSettings;
import io.github.callpush.PushObserver;
import io.github.callpush.event.PushEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What became of the forwarder's last publishes ({@code callpush.forward.*}), as the receiver's observer sees its
 * listener {@value EndpointSettings#FORWARD_LISTENER_ID} run: for the health indicator, which is down while the
 * last publish failed (the broker away, the message unroutable, no confirm in time), and up again at the next one
 * confirmed. Thread-safe.
 */
final class ForwardOutcomes implements PushObserver {

  private final Clock clock;
  private final AtomicReference<Outcomes> outcomes = new AtomicReference<>(new Outcomes(null, null, null, false));

  ForwardOutcomes(Clock clock) {
    this.clock = clock;
  }

  @Override
  public void listenerRan(PushEvent event, String listenerId, long nanos, boolean succeeded) {
    if (succeeded && EndpointSettings.FORWARD_LISTENER_ID.equals(listenerId)) {
      Instant now = clock.instant();
      outcomes.updateAndGet(last -> new Outcomes(now, last.failed(), last.failure(), false));
    }
  }

  @Override
  public void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
    if (EndpointSettings.FORWARD_LISTENER_ID.equals(listenerId)) {
      Instant now = clock.instant();
      String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
      outcomes.updateAndGet(last -> new Outcomes(last.confirmed(), now, reason, true));
    }
  }

  /** Whether the last publish failed. */
  boolean failing() {
    return outcomes.get().failing();
  }

  /** When the last publish was confirmed and the last failed ({@code never} for none), and why it failed. */
  Map<String, Object> details() {
    Outcomes last = outcomes.get();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("lastConfirmed", last.confirmed() == null ? "never" : last.confirmed().toString());
    details.put("lastFailed", last.failed() == null ? "never" : last.failed().toString());
    if (last.failure() != null) {
      details.put("failure", last.failure());
    }
    return details;
  }

  private record Outcomes(Instant confirmed, Instant failed, String failure, boolean failing) {}
}

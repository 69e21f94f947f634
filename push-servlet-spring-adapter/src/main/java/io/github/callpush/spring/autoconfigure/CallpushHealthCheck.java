package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.DedupStore;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code callpush} health indicator's check, for Spring Boot 3's and 4's indicator alike: the dedup store
 * probed ({@link DedupStoreProbe}, a failure throws), and with forwarding the last publishes' outcomes
 * ({@link ForwardOutcomes}): down while the last one failed.
 */
final class CallpushHealthCheck {

  private final DedupStoreProbe probe;
  private final ForwardOutcomes forward;

  /** {@code forward} null without forwarding. */
  CallpushHealthCheck(DedupStore store, ForwardOutcomes forward) {
    this.probe = new DedupStoreProbe(store);
    this.forward = forward;
  }

  /** Runs the check; throws what the dedup store threw. */
  Result run() {
    Map<String, Object> details = new LinkedHashMap<>(probe.probe());
    if (forward == null) {
      return new Result(true, details);
    }
    details.put("forward", forward.details());
    return new Result(!forward.failing(), details);
  }

  /** Up or down, and the details to show. */
  record Result(boolean up, Map<String, Object> details) {}
}

package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.DedupStore;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The dedup store's health: claims and releases a reserved key, which no event key can equal, so a
 * probe checks the very operations pushes need (a JDBC store's table, a Redis server's scripts).
 */
final class DedupStoreProbe {

  /** The reserved event key; event keys start with {@code id:} or {@code sha256:}. */
  static final String EVENT_KEY = "health:callpush";

  /** What the health indicator reports when a probe throws. */
  static final String FAILED = "callpush dedup store probe failed";

  private final DedupStore store;

  DedupStoreProbe(DedupStore store) {
    this.store = store;
  }

  /** The store's details, or throws what the store threw. */
  Map<String, Object> probe() {
    String owner = UUID.randomUUID().toString();
    Claim claim = store.claim(EVENT_KEY, "probe", owner, Duration.ofSeconds(30));
    if (claim == Claim.ACQUIRED) {
      store.release(EVENT_KEY, "probe", owner);
    }
    return Map.of("store", store.getClass().getSimpleName());
  }
}

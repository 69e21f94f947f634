package io.github.callpush.dedup;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Interim in-memory store (to be replaced by the bounded implementation). */
public final class InMemoryDedupStore implements DedupStore {

  private record Entry(String owner, boolean completed, long expiresAt) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  private InMemoryDedupStore(Builder builder) {
    this.clock = builder.clock;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
    long now = clock.millis();
    Claim[] result = new Claim[1];
    entries.compute(eventKey + '\u0000' + listenerId, (key, entry) -> {
      if (entry == null || entry.expiresAt() <= now) {
        result[0] = Claim.ACQUIRED;
        return new Entry(owner, false, now + lease.toMillis());
      }
      result[0] = entry.completed() ? Claim.COMPLETED : Claim.IN_FLIGHT;
      return entry;
    });
    return result[0];
  }

  @Override
  public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
    long now = clock.millis();
    boolean[] done = new boolean[1];
    entries.computeIfPresent(eventKey + '\u0000' + listenerId, (key, entry) -> {
      if (!entry.completed() && entry.owner().equals(owner)) {
        done[0] = true;
        return new Entry(owner, true, now + retention.toMillis());
      }
      return entry;
    });
    return done[0];
  }

  @Override
  public boolean release(String eventKey, String listenerId, String owner) {
    boolean[] done = new boolean[1];
    entries.computeIfPresent(eventKey + '\u0000' + listenerId, (key, entry) -> {
      if (!entry.completed() && entry.owner().equals(owner)) {
        done[0] = true;
        return null;
      }
      return entry;
    });
    return done[0];
  }

  /** Settings. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The store. */
    public InMemoryDedupStore build() {
      return new InMemoryDedupStore(this);
    }
  }
}

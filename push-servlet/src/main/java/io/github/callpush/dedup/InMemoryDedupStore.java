package io.github.callpush.dedup;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link DedupStore}: one JVM's memory, bounded, expiring, without a thread of
 * its own. Use a JDBC or Redis store when several nodes receive the same pushes.
 *
 * <p>Every operation is O(1) and allocates nothing. Entries live in a few flat arrays (an open-addressing
 * table, fixed-size records and one area holding the keys' bytes), not in an object each, so the garbage
 * collector has nothing to copy however many entries are held and however fast they come and go. Each
 * entry costs about 50 bytes plus its key's length in bytes; the arrays grow with the store and keep
 * their size (measured by {@code benchmarks/run-alloc.sh}: 1,000,000 completed keys of 58 characters,
 * event and listener, take 107 MB of heap). When more than {@link Builder#maximumSize} entries are
 * held, the oldest (by first claim) are forgotten first, live or not: a forgotten completed entry lets a
 * later duplicate run again, so size the store for every (event, listener) pair of one retention window.
 * A store that forgets entries before they expire says so in a WARN (at most once a minute) and counts
 * them in {@link #forgottenEarly()}.
 * The keys' bytes share one array, so together they are limited to 2 GB: beyond that, too, the oldest
 * are forgotten.
 * Expired entries are removed lazily: a claim that adds an entry also removes up to two expired ones
 * from the oldest end, and {@link #sweep} removes all expired entries. An expired lease that no one took
 * over and that was not yet removed can still be completed or released by its owner. One lock guards
 * the store; it is held for a table lookup and never while waiting for anything.
 *
 * <pre>{@code
 * DedupStore store = InMemoryDedupStore.builder().maximumSize(500_000).build();
 * }</pre>
 */
public final class InMemoryDedupStore implements DedupStore {

  /** The default {@link Builder#maximumSize}: about 11 MB of heap when full. */
  public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

  /** The largest {@link Builder#maximumSize}: the table's length must stay an array's. */
  static final long LARGEST_MAXIMUM_SIZE = 1 << 28;

  /** How many expired entries each new entry removes from the oldest end, at most. */
  private static final int CLEANUP_PER_INSERT = 2;

  /** The expiry of a released entry: the next claim takes it, cleanup removes it. */
  private static final long FREE = 0;

  /** The least time between two WARNs about entries forgotten before they expired. */
  private static final long EARLY_WARNING_INTERVAL_MILLIS = 60_000;

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryDedupStore.class);

  private final int maximumSize;
  private final Clock clock;
  private final Object lock = new Object();

  // Everything below is guarded by `lock`, but the table's hash. An entry's owner is null once it is
  // completed or released.
  private final FlatLeaseTable table;

  // Entries forgotten before they expired: in all, since the last WARN, and when that WARN was.
  private long forgottenEarly;
  private long forgottenSinceWarning;
  private long earliest;
  private long warnedAt = Long.MIN_VALUE;

  private InMemoryDedupStore(Builder builder) {
    this.maximumSize = (int) builder.maximumSize;
    this.clock = builder.clock;
    this.table = new FlatLeaseTable(maximumSize, builder.keyBytesLimit);
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
    StoreArguments.requireNonNull(eventKey, listenerId, owner);
    long leaseMillis = StoreArguments.positiveMillis("lease", lease);
    int hash = table.hash(eventKey, listenerId);
    ForgottenEarly forgotten;
    synchronized (lock) {
      long now = clock.millis();
      int entry = table.find(hash, eventKey, listenerId);
      if (entry != FlatLeaseTable.NONE) {
        if (table.expiresAt(entry) > now) {
          return table.owner(entry) == null ? Claim.COMPLETED : Claim.IN_FLIGHT;
        }
        // expired lease, expired completion or released: take it over
        table.set(entry, owner, StoreArguments.expiresAt(now, leaseMillis));
        return Claim.ACQUIRED;
      }
      int keyLength = table.keyLength(eventKey, listenerId); // refuses a key longer than all keys may take
      if (table.size() == maximumSize) {
        forgetOldest(now);
      }
      while (!table.add(hash, eventKey, listenerId, keyLength, owner, StoreArguments.expiresAt(now, leaseMillis))) {
        forgetOldest(now); // the keys' bytes are at their limit
      }
      table.removeOldestExpired(now, CLEANUP_PER_INSERT);
      forgotten = forgottenEarlyToReport(now);
    }
    if (forgotten != null) { // logged outside the lock
      LOG.warn("the in-memory dedup store is full (maximumSize {}): it forgot {} entries before they expired "
          + "since {}, one of them {} s early; a duplicate of those events runs their listeners again. Raise "
          + "maximumSize to hold every (event, listener) pair of one retention window, or use a JDBC or Redis "
          + "store", maximumSize, forgotten.entries, forgotten.first ? "it started" : "the last warning",
          forgotten.earliestMillis / 1000);
    }
    return Claim.ACQUIRED;
  }

  /**
   * How many entries this store forgot before they expired, because it held {@link #maximumSize}
   * entries or its keys filled their 2 GB: each lets a duplicate of its event run its listener again.
   * Above zero, the store is too small for the pushes of one retention window.
   */
  public long forgottenEarly() {
    synchronized (lock) {
      return forgottenEarly;
    }
  }

  @Override
  public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
    StoreArguments.requireNonNull(eventKey, listenerId, owner);
    long retentionMillis = StoreArguments.positiveMillis("retention", retention);
    return settle(eventKey, listenerId, owner, retentionMillis);
  }

  @Override
  public boolean release(String eventKey, String listenerId, String owner) {
    StoreArguments.requireNonNull(eventKey, listenerId, owner);
    return settle(eventKey, listenerId, owner, -1);
  }

  /**
   * Removes every expired entry; returns how many. It walks all entries while holding the store's lock,
   * so call it rarely, if at all: claims remove expired entries anyway.
   */
  @Override
  public int sweep() {
    synchronized (lock) {
      return table.removeExpired(clock.millis());
    }
  }

  /** How many entries are held, live or expired. */
  public long size() {
    synchronized (lock) {
      return table.size();
    }
  }

  /** The most entries held before the oldest are forgotten. */
  public long maximumSize() {
    return maximumSize;
  }

  /** {@code InMemoryDedupStore[maximumSize=100000]}. */
  @Override
  public String toString() {
    return "InMemoryDedupStore[maximumSize=" + maximumSize + "]";
  }

  /**
   * Ends {@code owner}'s lease, completed for {@code retentionMillis} or, when negative, released, if
   * it still holds it.
   */
  private boolean settle(String eventKey, String listenerId, String owner, long retentionMillis) {
    int hash = table.hash(eventKey, listenerId);
    synchronized (lock) {
      int entry = table.find(hash, eventKey, listenerId);
      if (entry == FlatLeaseTable.NONE || !owner.equals(table.owner(entry))) {
        return false;
      }
      table.set(entry, null, retentionMillis < 0 ? FREE : StoreArguments.expiresAt(clock.millis(), retentionMillis));
      return true;
    }
  }

  /** Makes room by removing the oldest entry, counting it when it had not expired. */
  private void forgetOldest(long now) {
    long early = table.oldestExpiresAt() - now;
    if (early > 0) {
      forgottenEarly++;
      forgottenSinceWarning++;
      earliest = Math.max(earliest, early);
    }
    table.removeOldest();
  }

  /** What to WARN about entries forgotten early, when there are some and no WARN for a minute; else null. */
  private ForgottenEarly forgottenEarlyToReport(long now) {
    if (forgottenSinceWarning == 0 || warnedAt != Long.MIN_VALUE && now - warnedAt < EARLY_WARNING_INTERVAL_MILLIS) {
      return null;
    }
    ForgottenEarly report = new ForgottenEarly(forgottenSinceWarning, earliest, warnedAt == Long.MIN_VALUE);
    warnedAt = now;
    forgottenSinceWarning = 0;
    earliest = 0;
    return report;
  }

  /** Entries forgotten before they expired since the last WARN, and how early the earliest of them went. */
  private record ForgottenEarly(long entries, long earliestMillis, boolean first) {}

  /** Settings of an {@link InMemoryDedupStore}; each setter checks its value at once. */
  public static final class Builder {

    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private Clock clock = Clock.systemUTC();
    private int keyBytesLimit = Integer.MAX_VALUE - 8; // the longest array a JVM makes

    private Builder() {}

    /**
     * The most (event, listener) entries held before the oldest are forgotten; default 100,000, at most
     * 268,435,456.
     */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize <= 0 || maximumSize > LARGEST_MAXIMUM_SIZE) {
        throw new IllegalArgumentException(
            "maximumSize must be between 1 and " + LARGEST_MAXIMUM_SIZE + " but was " + maximumSize);
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /** The clock leases and retention are measured with; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The most bytes all keys may take together before the oldest are forgotten: for tests. */
    Builder keyBytesLimit(int keyBytesLimit) {
      this.keyBytesLimit = keyBytesLimit;
      return this;
    }

    /** A store with these settings. */
    public InMemoryDedupStore build() {
      return new InMemoryDedupStore(this);
    }
  }
}

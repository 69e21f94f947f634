package io.github.callpush.dedup;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default {@link DedupStore}: one JVM's memory, bounded, expiring, without a thread of
 * its own. Use a JDBC or Redis store when several nodes receive the same pushes.
 *
 * <p>Every operation is O(1). Each entry costs about 96 bytes plus its key's length in bytes
 * (measured by {@code benchmarks/run-alloc.sh}, with compressed references: 1,000,000 completed keys
 * of 58 characters, event and listener, take 154 MB of heap). When more than {@link
 * Builder#maximumSize} entries are held, the oldest (by first claim) are forgotten first, live or not:
 * a forgotten completed entry lets a later duplicate run again, so size the store for every (event,
 * listener) pair of one retention window. Expired entries are removed lazily: a claim that adds an
 * entry also removes up to two expired ones from the oldest end, and {@link #sweep} removes all
 * expired entries. An expired lease that no one took over and that was not
 * yet removed can still be completed or released by its owner.
 *
 * <pre>{@code
 * DedupStore store = InMemoryDedupStore.builder().maximumSize(500_000).build();
 * }</pre>
 */
public final class InMemoryDedupStore implements DedupStore {

  /** The default {@link Builder#maximumSize}: about 15 MB of heap when full. */
  public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

  /** How many expired entries each new entry removes from the oldest end, at most. */
  private static final int CLEANUP_PER_INSERT = 2;

  /** {@link Slot#expiresAt} of a slot removed from the map; claims that find it look again. */
  private static final long DEAD = Long.MIN_VALUE;

  /** {@link Slot#expiresAt} of a released slot: the next claim takes it, cleanup removes it. */
  private static final long FREE = 0;

  private final long maximumSize;
  private final Clock clock;
  private final ConcurrentHashMap<Slot, Slot> slots = new ConcurrentHashMap<>();

  // the slots in order of insertion: a slot leaves the map only from here. Guarded by `order`; lock
  // order: `order`, then a slot.
  private final Object order = new Object();
  private Slot head;
  private Slot tail;
  private long length;

  private InMemoryDedupStore(Builder builder) {
    this.maximumSize = builder.maximumSize;
    this.clock = builder.clock;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
    Args.requireClaim(eventKey, listenerId, owner);
    long leaseMillis = Args.millis("lease", lease);
    long now = clock.millis();
    Slot fresh = new Slot(Slot.key(eventKey, listenerId), owner, Args.plus(now, leaseMillis));
    while (true) {
      Slot current = slots.putIfAbsent(fresh, fresh);
      if (current == null) {
        append(fresh, now);
        return Claim.ACQUIRED;
      }
      synchronized (current) {
        if (current.expiresAt == DEAD) {
          continue; // removed while we looked; it is gone from the map now
        }
        if (current.expiresAt > now) {
          return current.owner == null ? Claim.COMPLETED : Claim.IN_FLIGHT;
        }
        current.owner = owner; // expired lease, expired completion or released: take it over
        current.expiresAt = fresh.expiresAt;
        return Claim.ACQUIRED;
      }
    }
  }

  @Override
  public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
    Args.requireClaim(eventKey, listenerId, owner);
    long retentionMillis = Args.millis("retention", retention);
    return settle(eventKey, listenerId, owner, Args.plus(clock.millis(), retentionMillis));
  }

  @Override
  public boolean release(String eventKey, String listenerId, String owner) {
    Args.requireClaim(eventKey, listenerId, owner);
    return settle(eventKey, listenerId, owner, FREE);
  }

  /**
   * Removes every expired entry; returns how many. It walks all entries while holding the lock that
   * new entries need, so call it rarely, if at all: claims remove expired entries anyway.
   */
  @Override
  public int sweep() {
    long now = clock.millis();
    long removed = 0;
    synchronized (order) {
      removed += drain(now, Long.MAX_VALUE);
      Slot before = head; // live, or null
      while (before != null && before.next != null) {
        Slot slot = before.next;
        if (removeIfExpired(slot, now, false)) {
          before.next = slot.next;
          slot.next = null;
          if (tail == slot) {
            tail = before;
          }
          length--;
          removed++;
        } else {
          before = slot;
        }
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, removed);
  }

  /** How many entries are held, live or expired. */
  public long size() {
    synchronized (order) {
      return length;
    }
  }

  /** The most entries held before the oldest are forgotten. */
  public long maximumSize() {
    return maximumSize;
  }

  /** Ends {@code owner}'s lease, completed until {@code expiresAt} or {@link #FREE}, if it still holds it. */
  private boolean settle(String eventKey, String listenerId, String owner, long expiresAt) {
    Slot slot = slots.get(new Slot(Slot.key(eventKey, listenerId), null, DEAD));
    if (slot == null) {
      return false;
    }
    synchronized (slot) {
      if (slot.expiresAt == DEAD || !owner.equals(slot.owner)) {
        return false;
      }
      slot.owner = null;
      slot.expiresAt = expiresAt;
      return true;
    }
  }

  private void append(Slot slot, long now) {
    synchronized (order) {
      if (tail == null) {
        head = slot;
      } else {
        tail.next = slot;
      }
      tail = slot;
      length++;
      drain(now, CLEANUP_PER_INSERT);
    }
  }

  /** Evicts the oldest while over the maximum, then removes up to {@code budget} expired ones. */
  private long drain(long now, long budget) {
    long removed = 0;
    while (head != null) {
      Slot oldest = head;
      boolean evict = length > maximumSize;
      if (!evict && removed >= budget) {
        break;
      }
      if (!removeIfExpired(oldest, now, evict)) {
        break;
      }
      head = oldest.next;
      oldest.next = null;
      if (head == null) {
        tail = null;
      }
      length--;
      removed++;
    }
    return removed;
  }

  /** Removes {@code slot} from the map if it expired (or anyway if {@code evict}); the caller unlinks it. */
  private boolean removeIfExpired(Slot slot, long now, boolean evict) {
    synchronized (slot) {
      if (!evict && slot.expiresAt > now) {
        return false;
      }
      slot.expiresAt = DEAD;
      slot.owner = null;
      slots.remove(slot);
      return true;
    }
  }

  /**
   * One (event, listener) entry, both key and value of the map: equality is the key's, the rest is
   * guarded by the slot's monitor. Leased: {@code owner != null}; completed: {@code owner == null}; live
   * while {@code expiresAt > now}; 32 bytes plus the key with compressed references.
   */
  private static final class Slot implements Comparable<Slot> {

    private final byte[] key;
    private long expiresAt;
    private String owner;
    private Slot next;

    Slot(byte[] key, String owner, long expiresAt) {
      this.key = key;
      this.owner = owner;
      this.expiresAt = expiresAt;
    }

    /**
     * The pair as bytes: both strings in CESU-8 (every char on its own, so distinct strings never
     * share bytes, lone surrogates included) joined by {@code 0xFF}, which CESU-8 never produces.
     */
    static byte[] key(String eventKey, String listenerId) {
      byte[] bytes = new byte[encodedLength(eventKey) + 1 + encodedLength(listenerId)];
      int at = encode(eventKey, bytes, 0);
      bytes[at++] = (byte) 0xFF;
      encode(listenerId, bytes, at);
      return bytes;
    }

    private static int encodedLength(String s) {
      int length = s.length();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        length += c < 0x80 ? 0 : c < 0x800 ? 1 : 2;
      }
      return length;
    }

    private static int encode(String s, byte[] bytes, int at) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < 0x80) {
          bytes[at++] = (byte) c;
        } else if (c < 0x800) {
          bytes[at++] = (byte) (0xC0 | c >> 6);
          bytes[at++] = (byte) (0x80 | c & 0x3F);
        } else {
          bytes[at++] = (byte) (0xE0 | c >> 12);
          bytes[at++] = (byte) (0x80 | c >> 6 & 0x3F);
          bytes[at++] = (byte) (0x80 | c & 0x3F);
        }
      }
      return at;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Slot && Arrays.equals(key, ((Slot) other).key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }

    @Override
    public int compareTo(Slot other) {
      return Arrays.compareUnsigned(key, other.key); // orders colliding keys in a tree bin
    }
  }

  /** Settings of an {@link InMemoryDedupStore}; each setter checks its value at once. */
  public static final class Builder {

    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** The most (event, listener) entries held before the oldest are forgotten; default 100,000. */
    public Builder maximumSize(long maximumSize) {
      if (maximumSize <= 0) {
        throw new IllegalArgumentException("maximumSize must be positive but was " + maximumSize);
      }
      this.maximumSize = maximumSize;
      return this;
    }

    /** The clock leases and retention are measured with; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** A store with these settings. */
    public InMemoryDedupStore build() {
      return new InMemoryDedupStore(this);
    }
  }
}

package io.github.callpush.dedup;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
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

  /** {@link #expiresAt} of a released entry: the next claim takes it, cleanup removes it. */
  private static final long FREE = 0;

  /** No entry: the end of a list, an empty table cell is {@code NONE + 1}. */
  private static final int NONE = -1;

  private static final int INITIAL_ENTRIES = 1024;
  private static final int INITIAL_KEY_BYTES = 64 * 1024;

  /** The least time between two WARNs about entries forgotten before they expired. */
  private static final long EARLY_WARNING_INTERVAL_MILLIS = 60_000;

  private static final Logger LOG = LoggerFactory.getLogger(InMemoryDedupStore.class);

  /** Marks the end of the event key in an entry's key bytes; CESU-8 never produces it. */
  private static final byte SEPARATOR = (byte) 0xFF;

  private final int maximumSize;
  private final int keyBytesLimit;
  private final Clock clock;
  private final long seed = new SecureRandom().nextLong();
  private final Object lock = new Object();

  // Everything below is guarded by `lock`. An entry is an index into the record arrays. Live entries
  // form a list in order of first claim, from `head` (oldest) through `next` to `tail`; unused ones
  // a free list through `next`. `table` holds entry + 1 (0: empty cell), linear probing.
  private long[] expiresAt;
  private String[] owners; // null: completed or released
  private int[] next;
  private int[] hashes;
  private int[] keyOffsets;
  private int[] keyLengths;
  private int[] table;
  private int used; // entries handed out at least once: [0, used)
  private int free = NONE;
  private int head = NONE;
  private int tail = NONE;
  private int length;

  // The keys' bytes, a ring in the entries' order: the oldest entry's key starts the live part, the
  // newest one's ends it at `keyEnd`. Sweeping leaves holes that are reused once the oldest end passes.
  private byte[] keys;
  private int keyEnd;

  // Entries forgotten before they expired: in all, since the last WARN, and when that WARN was.
  private long forgottenEarly;
  private long forgottenSinceWarning;
  private long earliest;
  private long warnedAt = Long.MIN_VALUE;

  private InMemoryDedupStore(Builder builder) {
    this.maximumSize = (int) builder.maximumSize;
    this.keyBytesLimit = builder.keyBytesLimit;
    this.clock = builder.clock;
    int entries = Math.min(maximumSize, INITIAL_ENTRIES);
    expiresAt = new long[entries];
    owners = new String[entries];
    next = new int[entries];
    hashes = new int[entries];
    keyOffsets = new int[entries];
    keyLengths = new int[entries];
    table = new int[tableLength(entries)];
    keys = new byte[Math.min(INITIAL_KEY_BYTES, keyBytesLimit)];
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
    Args.requireClaim(eventKey, listenerId, owner);
    long leaseMillis = Args.millis("lease", lease);
    int hash = hash(eventKey, listenerId);
    ForgottenEarly forgotten;
    synchronized (lock) {
      long now = clock.millis();
      int entry = find(hash, eventKey, listenerId);
      if (entry != NONE) {
        if (expiresAt[entry] > now) {
          return owners[entry] == null ? Claim.COMPLETED : Claim.IN_FLIGHT;
        }
        owners[entry] = owner; // expired lease, expired completion or released: take it over
        expiresAt[entry] = Args.plus(now, leaseMillis);
        return Claim.ACQUIRED;
      }
      add(hash, eventKey, listenerId, owner, now, Args.plus(now, leaseMillis));
      removeExpired(now, CLEANUP_PER_INSERT);
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

  @Override
  public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
    Args.requireClaim(eventKey, listenerId, owner);
    long retentionMillis = Args.millis("retention", retention);
    return settle(eventKey, listenerId, owner, retentionMillis);
  }

  @Override
  public boolean release(String eventKey, String listenerId, String owner) {
    Args.requireClaim(eventKey, listenerId, owner);
    return settle(eventKey, listenerId, owner, -1);
  }

  /**
   * Removes every expired entry; returns how many. It walks all entries while holding the store's lock,
   * so call it rarely, if at all: claims remove expired entries anyway.
   */
  @Override
  public int sweep() {
    synchronized (lock) {
      long now = clock.millis();
      int removed = removeExpired(now, Integer.MAX_VALUE);
      int before = head; // live, or NONE
      while (before != NONE && next[before] != NONE) {
        int entry = next[before];
        if (expiresAt[entry] <= now) {
          next[before] = next[entry];
          if (tail == entry) {
            tail = before;
          }
          remove(entry);
          removed++;
        } else {
          before = entry;
        }
      }
      return removed;
    }
  }

  /** How many entries are held, live or expired. */
  public long size() {
    synchronized (lock) {
      return length;
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
    int hash = hash(eventKey, listenerId);
    synchronized (lock) {
      int entry = find(hash, eventKey, listenerId);
      if (entry == NONE || !owner.equals(owners[entry])) {
        return false;
      }
      owners[entry] = null;
      expiresAt[entry] = retentionMillis < 0 ? FREE : Args.plus(clock.millis(), retentionMillis);
      return true;
    }
  }

  /** The entry holding (eventKey, listenerId), or {@link #NONE}. */
  private int find(int hash, String eventKey, String listenerId) {
    int mask = table.length - 1;
    for (int cell = hash & mask; ; cell = cell + 1 & mask) {
      int entry = table[cell] - 1;
      if (entry == NONE) {
        return NONE;
      }
      if (hashes[entry] == hash && keyEquals(entry, eventKey, listenerId)) {
        return entry;
      }
    }
  }

  /** Adds an entry at the newest end, forgetting the oldest first when the store is full. */
  private void add(int hash, String eventKey, String listenerId, String owner, long now, long expires) {
    int keyLength = encodedLength(eventKey) + 1 + encodedLength(listenerId);
    if (keyLength > keyBytesLimit) {
      throw new IllegalArgumentException(
          "the event key and listener id take " + keyLength + " bytes, more than the store's " + keyBytesLimit);
    }
    if (length == maximumSize) {
      forgetOldest(now);
    }
    int offset = placeKey(keyLength, now);
    int at = encode(eventKey, keys, offset);
    keys[at++] = SEPARATOR;
    keyEnd = encode(listenerId, keys, at);
    int entry = newEntry();
    hashes[entry] = hash;
    keyOffsets[entry] = offset;
    keyLengths[entry] = keyLength;
    owners[entry] = owner;
    expiresAt[entry] = expires;
    next[entry] = NONE;
    if (tail == NONE) {
      head = entry;
    } else {
      next[tail] = entry;
    }
    tail = entry;
    length++;
    insertIntoTable(entry);
  }

  /** Where {@code keyLength} bytes of a new key go, after the newest key; makes room if there is none. */
  private int placeKey(int keyLength, long now) {
    while (true) {
      if (head == NONE) {
        keyEnd = 0;
      }
      int start = head == NONE ? keys.length : keyOffsets[head];
      if (keyEnd <= start) { // wrapped around (or empty): the room is between the newest and the oldest key
        if (start - keyEnd >= keyLength) {
          return keyEnd;
        }
      } else if (keys.length - keyEnd >= keyLength) {
        return keyEnd;
      } else if (start >= keyLength) {
        return 0;
      }
      if (!growKeys(keyLength)) {
        forgetOldest(now); // at the limit: forget the oldest until the key fits
      }
    }
  }

  /**
   * Copies the live keys, oldest first, to the start of an area with room for {@code keyLength} more:
   * a new one of the same length when holes took more than half, else one twice as long (at most the
   * limit). Returns false when the live keys and the new one would exceed the limit.
   */
  private boolean growKeys(int keyLength) {
    long live = 0;
    for (int entry = head; entry != NONE; entry = next[entry]) {
      live += keyLengths[entry];
    }
    long needed = live + keyLength;
    if (needed > keyBytesLimit) {
      return false;
    }
    long grownLength = 2 * needed <= keys.length ? keys.length : Math.max(needed, 2L * keys.length);
    byte[] grown = new byte[(int) Math.min(keyBytesLimit, grownLength)];
    int at = 0;
    for (int entry = head; entry != NONE; entry = next[entry]) {
      System.arraycopy(keys, keyOffsets[entry], grown, at, keyLengths[entry]);
      keyOffsets[entry] = at;
      at += keyLengths[entry];
    }
    keys = grown;
    keyEnd = at;
    return true;
  }

  /** An unused entry, growing the records (and the table) when all are used. */
  private int newEntry() {
    if (free != NONE) {
      int entry = free;
      free = next[entry];
      return entry;
    }
    if (used == expiresAt.length) {
      growEntries();
    }
    return used++;
  }

  private void growEntries() {
    int entries = (int) Math.min(maximumSize, 2L * expiresAt.length);
    expiresAt = Arrays.copyOf(expiresAt, entries);
    owners = Arrays.copyOf(owners, entries);
    next = Arrays.copyOf(next, entries);
    hashes = Arrays.copyOf(hashes, entries);
    keyOffsets = Arrays.copyOf(keyOffsets, entries);
    keyLengths = Arrays.copyOf(keyLengths, entries);
    if (tableLength(entries) > table.length) {
      table = new int[tableLength(entries)];
      for (int entry = head; entry != NONE; entry = next[entry]) {
        insertIntoTable(entry);
      }
    }
  }

  /** A power of two at least twice {@code entries}: the table stays at most half full. */
  private static int tableLength(int entries) {
    return Integer.highestOneBit(Math.max(2, entries) - 1) << 2;
  }

  private void insertIntoTable(int entry) {
    int mask = table.length - 1;
    int cell = hashes[entry] & mask;
    while (table[cell] != 0) {
      cell = cell + 1 & mask;
    }
    table[cell] = entry + 1;
  }

  /** Makes room by removing the oldest entry, counting it when it had not expired. */
  private void forgetOldest(long now) {
    long early = expiresAt[head] - now;
    if (early > 0) {
      forgottenEarly++;
      forgottenSinceWarning++;
      earliest = Math.max(earliest, early);
    }
    removeOldest();
  }

  /** Evicts or removes the oldest entry, live or not. */
  private void removeOldest() {
    int oldest = head;
    head = next[oldest];
    if (head == NONE) {
      tail = NONE;
    }
    remove(oldest);
  }

  /** Removes up to {@code budget} expired entries from the oldest end; returns how many. */
  private int removeExpired(long now, int budget) {
    int removed = 0;
    while (removed < budget && head != NONE && expiresAt[head] <= now) {
      removeOldest();
      removed++;
    }
    return removed;
  }

  /**
   * Takes an entry the caller has unlinked out of the table (closing the gap so that probes still find
   * every other entry) and onto the free list.
   */
  private void remove(int entry) {
    int mask = table.length - 1;
    int gap = hashes[entry] & mask;
    while (table[gap] != entry + 1) {
      gap = gap + 1 & mask;
    }
    for (int cell = gap + 1 & mask; table[cell] != 0; cell = cell + 1 & mask) {
      int home = hashes[table[cell] - 1] & mask;
      // move the entry at `cell` into the gap unless its home lies cyclically in (gap, cell]
      if ((cell - home & mask) >= (cell - gap & mask)) {
        table[gap] = table[cell];
        gap = cell;
      }
    }
    table[gap] = 0;
    owners[entry] = null;
    next[entry] = free;
    free = entry;
    length--;
  }

  /** Whether {@code entry}'s key bytes are those of (eventKey, listenerId), compared without copying. */
  private boolean keyEquals(int entry, String eventKey, String listenerId) {
    int at = keyOffsets[entry];
    int end = at + keyLengths[entry];
    at = match(eventKey, at, end);
    if (at < 0 || at >= end || keys[at] != SEPARATOR) {
      return false;
    }
    return match(listenerId, at + 1, end) == end;
  }

  /** Where {@code s}'s bytes end if they are at {@code at} in {@link #keys} before {@code end}, else -1. */
  private int match(String s, int at, int end) {
    byte[] bytes = keys;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (at >= end || bytes[at++] != (byte) c) {
          return -1;
        }
      } else if (c < 0x800) {
        if (end - at < 2 || bytes[at++] != (byte) (0xC0 | c >> 6) || bytes[at++] != (byte) (0x80 | c & 0x3F)) {
          return -1;
        }
      } else if (end - at < 3
          || bytes[at++] != (byte) (0xE0 | c >> 12)
          || bytes[at++] != (byte) (0x80 | c >> 6 & 0x3F)
          || bytes[at++] != (byte) (0x80 | c & 0x3F)) {
        return -1;
      }
    }
    return at;
  }

  /**
   * A hash of the pair's characters under this store's random seed, so that no one can choose keys
   * that crowd one part of the table. The listener's characters follow a value no char can take.
   */
  private int hash(String eventKey, String listenerId) {
    long h = seed;
    for (int i = 0; i < eventKey.length(); i++) {
      h = (h ^ eventKey.charAt(i)) * 0x9E3779B97F4A7C15L;
    }
    h = (h ^ 0x10000) * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < listenerId.length(); i++) {
      h = (h ^ listenerId.charAt(i)) * 0x9E3779B97F4A7C15L;
    }
    h = (h ^ h >>> 32) * 0xD6E8FEB86659FD93L;
    return (int) (h ^ h >>> 32);
  }

  /** The length of {@code s} in CESU-8: every char on its own, lone surrogates included. */
  private static int encodedLength(String s) {
    int length = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c < 0x80 ? 0 : c < 0x800 ? 1 : 2;
    }
    return length;
  }

  /** Writes {@code s} in CESU-8 at {@code at}; returns where it ends. */
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

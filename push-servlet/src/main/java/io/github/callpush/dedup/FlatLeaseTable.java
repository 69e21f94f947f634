package io.github.callpush.dedup;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The entries of an {@link InMemoryDedupStore}, each a key (event key, listener id), an owner and an
 * expiry, kept in the order they were added, in a few flat arrays rather than an object each: an
 * open-addressing index, fixed-size records, and one area holding the keys' bytes ({@link Cesu8Keys}).
 * Lookups compare the key bytes in place and allocate nothing. The table holds at most its capacity
 * and its keys at most {@code keyBytesLimit} bytes: {@link #add} says when it is full, and the caller
 * decides what to forget. Not thread-safe: the store calls it under its lock, except {@link #hash}. Not API.
 */
final class FlatLeaseTable {

  /** No entry: what {@link #find} answers for a missing key, the end of a list; an empty index cell holds NONE + 1. */
  static final int NONE = -1;

  private static final int INITIAL_ENTRIES = 1024;
  private static final int INITIAL_KEY_BYTES = 64 * 1024;

  private final int capacity;
  private final int keyBytesLimit;
  private final long seed = new SecureRandom().nextLong();

  // An entry is an index into the record arrays. Entries form a list in the order they were added, from
  // `head` (oldest) through `next` to `tail`; unused ones a free list through `next`. `index` holds
  // entry + 1 (0: empty cell), linear probing.
  private long[] expiresAt;
  private String[] owners;
  private int[] next;
  private int[] hashes;
  private int[] keyOffsets;
  private int[] keyLengths;
  private int[] index;
  private int used; // entries handed out at least once: [0, used)
  private int free = NONE;
  private int head = NONE;
  private int tail = NONE;
  private int length;

  // The keys' bytes, a ring in the entries' order: the oldest entry's key starts the live part, the
  // newest one's ends it at `keyEnd`. Removing from the middle leaves holes that are reused once the
  // oldest end passes.
  private byte[] keys;
  private int keyEnd;

  /** An empty table for at most {@code capacity} entries whose keys take at most {@code keyBytesLimit} bytes. */
  FlatLeaseTable(int capacity, int keyBytesLimit) {
    this.capacity = capacity;
    this.keyBytesLimit = keyBytesLimit;
    int entries = Math.min(capacity, INITIAL_ENTRIES);
    expiresAt = new long[entries];
    owners = new String[entries];
    next = new int[entries];
    hashes = new int[entries];
    keyOffsets = new int[entries];
    keyLengths = new int[entries];
    index = new int[indexLength(entries)];
    keys = new byte[Math.min(INITIAL_KEY_BYTES, keyBytesLimit)];
  }

  /**
   * A hash of the pair's characters under this table's random seed, so that no one can choose keys
   * that crowd one part of the index. The listener's characters follow a value no char can take.
   * Thread-safe.
   */
  int hash(String eventKey, String listenerId) {
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

  /** The entry holding (eventKey, listenerId), whose {@link #hash} is {@code hash}, or {@link #NONE}. */
  int find(int hash, String eventKey, String listenerId) {
    int mask = index.length - 1;
    for (int cell = hash & mask; ; cell = cell + 1 & mask) {
      int entry = index[cell] - 1;
      if (entry == NONE) {
        return NONE;
      }
      if (hashes[entry] == hash
          && Cesu8Keys.equals(keys, keyOffsets[entry], keyLengths[entry], eventKey, listenerId)) {
        return entry;
      }
    }
  }

  /** When {@code entry} expires, in the caller's milliseconds. */
  long expiresAt(int entry) {
    return expiresAt[entry];
  }

  /** The owner of {@code entry}, or null. */
  String owner(int entry) {
    return owners[entry];
  }

  /** Gives {@code entry} a new owner (or null) and expiry; it keeps its place in the order. */
  void set(int entry, String owner, long expires) {
    owners[entry] = owner;
    expiresAt[entry] = expires;
  }

  /** How many entries are held. */
  int size() {
    return length;
  }

  /**
   * How many bytes the key of (eventKey, listenerId) takes, for {@link #add}.
   *
   * @throws IllegalArgumentException when it is more than all keys may take together
   */
  int keyLength(String eventKey, String listenerId) {
    int keyLength = Cesu8Keys.length(eventKey, listenerId);
    if (keyLength > keyBytesLimit) {
      throw new IllegalArgumentException(
          "the event key and listener id take " + keyLength + " bytes, more than the store's " + keyBytesLimit);
    }
    return keyLength;
  }

  /**
   * Adds an entry at the newest end, unless the table holds its capacity or the keys cannot make room
   * for this one within their limit: then it returns false and changes nothing that a retry after
   * {@link #removeOldest} would not redo.
   */
  boolean add(int hash, String eventKey, String listenerId, int keyLength, String owner, long expires) {
    if (length == capacity) {
      return false;
    }
    int offset = placeKey(keyLength);
    if (offset < 0) {
      return false;
    }
    keyEnd = Cesu8Keys.write(eventKey, listenerId, keys, offset);
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
    insertIntoIndex(entry);
    return true;
  }

  /** When the oldest entry expires; the table must not be empty. */
  long oldestExpiresAt() {
    return expiresAt[head];
  }

  /** Removes the oldest entry; the table must not be empty. */
  void removeOldest() {
    int oldest = head;
    head = next[oldest];
    if (head == NONE) {
      tail = NONE;
    }
    remove(oldest);
  }

  /** Removes up to {@code most} entries that expire by {@code now} from the oldest end; returns how many. */
  int removeOldestExpired(long now, int most) {
    int removed = 0;
    while (removed < most && head != NONE && expiresAt[head] <= now) {
      removeOldest();
      removed++;
    }
    return removed;
  }

  /** Removes every entry that expires by {@code now}, walking them all; returns how many. */
  int removeExpired(long now) {
    int removed = removeOldestExpired(now, Integer.MAX_VALUE);
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

  /** Where {@code keyLength} bytes of a new key go, after the newest key; -1 when they do not fit in the limit. */
  private int placeKey(int keyLength) {
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
        return -1;
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

  /** An unused entry, growing the records (and the index) when all are used. */
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
    int entries = (int) Math.min(capacity, 2L * expiresAt.length);
    expiresAt = Arrays.copyOf(expiresAt, entries);
    owners = Arrays.copyOf(owners, entries);
    next = Arrays.copyOf(next, entries);
    hashes = Arrays.copyOf(hashes, entries);
    keyOffsets = Arrays.copyOf(keyOffsets, entries);
    keyLengths = Arrays.copyOf(keyLengths, entries);
    if (indexLength(entries) > index.length) {
      index = new int[indexLength(entries)];
      for (int entry = head; entry != NONE; entry = next[entry]) {
        insertIntoIndex(entry);
      }
    }
  }

  /** A power of two at least twice {@code entries}: the index stays at most half full. */
  private static int indexLength(int entries) {
    return Integer.highestOneBit(Math.max(2, entries) - 1) << 2;
  }

  private void insertIntoIndex(int entry) {
    int mask = index.length - 1;
    int cell = hashes[entry] & mask;
    while (index[cell] != 0) {
      cell = cell + 1 & mask;
    }
    index[cell] = entry + 1;
  }

  /**
   * Takes an entry the caller has unlinked from the order out of the index (closing the gap so that
   * probes still find every other entry) and onto the free list.
   */
  private void remove(int entry) {
    int mask = index.length - 1;
    int gap = hashes[entry] & mask;
    while (index[gap] != entry + 1) {
      gap = gap + 1 & mask;
    }
    for (int cell = gap + 1 & mask; index[cell] != 0; cell = cell + 1 & mask) {
      int home = hashes[index[cell] - 1] & mask;
      // move the entry at `cell` into the gap unless its home lies cyclically in (gap, cell]
      if ((cell - home & mask) >= (cell - gap & mask)) {
        index[gap] = index[cell];
        gap = cell;
      }
    }
    index[gap] = 0;
    owners[entry] = null;
    next[entry] = free;
    free = entry;
    length--;
  }
}

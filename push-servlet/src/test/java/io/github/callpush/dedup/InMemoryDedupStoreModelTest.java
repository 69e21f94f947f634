package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Random operations on an {@link InMemoryDedupStore} and on a plain model of what it promises (a
 * map in order of first claim), compared after every step: the store's table, key area and record
 * arrays must grow, wrap around, close gaps and forget the oldest exactly as the model does.
 */
class InMemoryDedupStoreModelTest {

  private static final String[] LISTENERS = {"l1", "cdr-archive", "监听器", "🎧"};

  @ParameterizedTest(name = "{0} keys, maximumSize {1}, key bytes limit {2}, seed {3}")
  @CsvSource({
    "40, 30, 2147483639, 1",
    "40, 30, 300, 2",
    "400, 250, 2147483639, 3",
    "3000, 2500, 2147483639, 4",
    "3000, 100000, 2147483639, 5",
    "3000, 100000, 20000, 6",
    "200, 150, 700, 7"
  })
  void theStoreDoesWhatTheModelDoes(int keys, int maximumSize, int keyBytesLimit, long seed) {
    MutableClock clock = new MutableClock();
    InMemoryDedupStore store =
        InMemoryDedupStore.builder().maximumSize(maximumSize).keyBytesLimit(keyBytesLimit).clock(clock).build();
    Model model = new Model(maximumSize, keyBytesLimit, clock);
    SplittableRandom random = new SplittableRandom(seed);

    for (int step = 0; step < 60_000; step++) {
      String event = eventKey(random.nextInt(keys));
      String listener = LISTENERS[random.nextInt(LISTENERS.length)];
      String owner = "owner-" + random.nextInt(3);
      Duration time = Duration.ofMillis(1 + random.nextInt(2_000));
      int operation = random.nextInt(100);
      String what = step + ": " + operation + " " + event + " / " + listener + " by " + owner;
      if (operation < 50) {
        assertThat(store.claim(event, listener, owner, time)).as(what).isEqualTo(model.claim(event, listener, owner, time));
      } else if (operation < 80) {
        assertThat(store.complete(event, listener, owner, time))
            .as(what)
            .isEqualTo(model.settle(event, listener, owner, time));
      } else if (operation < 90) {
        assertThat(store.release(event, listener, owner)).as(what).isEqualTo(model.settle(event, listener, owner, null));
      } else if (operation < 99) {
        clock.advance(Duration.ofMillis(random.nextInt(50)));
      } else {
        assertThat(store.sweep()).as(what).isEqualTo(model.sweep());
      }
      assertThat(store.size()).as(what).isEqualTo(model.entries.size());
    }
    for (Map.Entry<String, Model.Entry> held : model.entries.entrySet()) {
      String[] pair = held.getKey().split("\u0000");
      Claim expected = held.getValue().expiresAt <= clock.millis() ? Claim.ACQUIRED
          : held.getValue().owner == null ? Claim.COMPLETED : Claim.IN_FLIGHT;
      assertThat(store.claim(pair[0], pair[1], "last", Duration.ofMinutes(1))).as(held.getKey()).isEqualTo(expected);
    }
  }

  /** Event keys of many lengths and scripts, so that the key area fills unevenly and wraps around. */
  private static String eventKey(int i) {
    return switch (i % 4) {
      case 0 -> "id:12:N00000000001:" + Integer.toHexString(i * 0x9E3779B9);
      case 1 -> "事件" + i;
      case 2 -> "e" + i + "x".repeat(i % 37);
      default -> "\uD83D\uDE00" + i + "\uD800"; // a pair and a lone surrogate
    };
  }

  /** What the store promises, written as plainly as possible. */
  private static final class Model {

    private final int maximumSize;
    private final int keyBytesLimit;
    private final MutableClock clock;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
    private long keyBytes;

    Model(int maximumSize, int keyBytesLimit, MutableClock clock) {
      this.maximumSize = maximumSize;
      this.keyBytesLimit = keyBytesLimit;
      this.clock = clock;
    }

    Claim claim(String event, String listener, String owner, Duration lease) {
      long now = clock.millis();
      Entry entry = entries.get(event + "\u0000" + listener);
      if (entry != null) {
        if (entry.expiresAt > now) {
          return entry.owner == null ? Claim.COMPLETED : Claim.IN_FLIGHT;
        }
        entry.owner = owner;
        entry.expiresAt = now + lease.toMillis();
        return Claim.ACQUIRED;
      }
      int bytes = cesu8Length(event) + 1 + cesu8Length(listener);
      if (entries.size() == maximumSize) {
        removeOldest();
      }
      while (keyBytes + bytes > keyBytesLimit) {
        removeOldest();
      }
      entries.put(event + "\u0000" + listener, new Entry(owner, now + lease.toMillis(), bytes));
      keyBytes += bytes;
      for (int i = 0; i < 2 && !entries.isEmpty() && entries.values().iterator().next().expiresAt <= now; i++) {
        removeOldest();
      }
      return Claim.ACQUIRED;
    }

    boolean settle(String event, String listener, String owner, Duration retention) {
      Entry entry = entries.get(event + "\u0000" + listener);
      if (entry == null || !Objects.equals(owner, entry.owner)) {
        return false;
      }
      entry.owner = null;
      entry.expiresAt = retention == null ? 0 : clock.millis() + retention.toMillis();
      return true;
    }

    int sweep() {
      int removed = 0;
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        Entry entry = it.next();
        if (entry.expiresAt <= clock.millis()) {
          keyBytes -= entry.bytes;
          it.remove();
          removed++;
        }
      }
      return removed;
    }

    private void removeOldest() {
      Iterator<Entry> oldest = entries.values().iterator();
      keyBytes -= oldest.next().bytes;
      oldest.remove();
    }

    private static int cesu8Length(String s) {
      return s.chars().map(c -> c < 0x80 ? 1 : c < 0x800 ? 2 : 3).sum();
    }

    private static final class Entry {
      String owner;
      long expiresAt;
      final int bytes;

      Entry(String owner, long expiresAt, int bytes) {
        this.owner = owner;
        this.expiresAt = expiresAt;
        this.bytes = bytes;
      }
    }
  }
}

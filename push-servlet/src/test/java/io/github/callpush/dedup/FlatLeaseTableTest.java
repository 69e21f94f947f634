package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The storage under {@link InMemoryDedupStore} on its own: order, limits and the index's probing. */
class FlatLeaseTableTest {

  private static final int NO_KEY_LIMIT = Integer.MAX_VALUE - 8;

  @ParameterizedTest(name = "capacity {0}, key bytes limit {1}")
  @CsvSource({"2, 2147483639", "100, 10"}) // full by entries, or by keys of 5 bytes each
  void aFullTableRefusesTheNextEntryUntilTheOldestIsRemoved(int capacity, int keyBytesLimit) {
    FlatLeaseTable table = new FlatLeaseTable(capacity, keyBytesLimit);
    assertThat(add(table, "e1", 100)).isTrue();
    assertThat(add(table, "e2", 200)).isTrue();

    assertThat(add(table, "e3", 300)).isFalse();
    assertThat(table.size()).isEqualTo(2);
    table.removeOldest();

    assertThat(add(table, "e3", 300)).isTrue();
    assertThat(find(table, "e1")).isEqualTo(FlatLeaseTable.NONE);
    assertThat(table.expiresAt(find(table, "e2"))).isEqualTo(200);
    assertThat(table.owner(find(table, "e3"))).isEqualTo("owner-e3");
    assertThat(table.oldestExpiresAt()).isEqualTo(200);
  }

  @Test
  void aKeyLongerThanAllKeysMayTakeIsRefusedByName() {
    FlatLeaseTable table = new FlatLeaseTable(100, 16);

    assertThat(table.keyLength("事件", "l1")).isEqualTo(9);
    assertThatThrownBy(() -> table.keyLength("e-with-a-long-key", "l1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the event key and listener id take 20 bytes, more than the store's 16");
  }

  @Test
  void keysOfOneHashAreAllFoundAfterOthersAmongThemAreRemoved() {
    FlatLeaseTable table = new FlatLeaseTable(16, NO_KEY_LIMIT);
    for (int i = 0; i < 12; i++) {
      // all in the index's last cell, so that probing wraps around to its start
      assertThat(table.add(-1, "e" + i, "l1", table.keyLength("e" + i, "l1"), "A", i % 3 == 0 ? 10 : 100)).isTrue();
    }

    assertThat(table.removeExpired(50)).isEqualTo(4);

    for (int i = 0; i < 12; i++) {
      int entry = table.find(-1, "e" + i, "l1");
      assertThat(entry != FlatLeaseTable.NONE).as("e" + i).isEqualTo(i % 3 != 0);
    }
    assertThat(table.find(-1, "e12", "l1")).isEqualTo(FlatLeaseTable.NONE);
  }

  @Test
  void removingExpiredEntriesKeepsTheOthersInTheirOrder() {
    FlatLeaseTable table = new FlatLeaseTable(100, NO_KEY_LIMIT);
    add(table, "e1", 10);
    add(table, "e2", 100);
    add(table, "e3", 10); // the newest expires too
    add(table, "e4", 200);
    add(table, "e5", 10);

    assertThat(table.removeOldestExpired(50, 5)).as("stops at the first live entry").isEqualTo(1);
    assertThat(table.removeExpired(50)).isEqualTo(2);
    add(table, "e6", 300);

    assertThat(table.size()).isEqualTo(3);
    assertThat(table.oldestExpiresAt()).isEqualTo(100);
    table.removeOldest();
    assertThat(table.oldestExpiresAt()).isEqualTo(200);
    table.removeOldest();
    assertThat(table.oldestExpiresAt()).isEqualTo(300);
  }

  @Test
  void settingAnEntryKeepsItsPlace() {
    FlatLeaseTable table = new FlatLeaseTable(100, NO_KEY_LIMIT);
    add(table, "e1", 10);
    add(table, "e2", 20);

    table.set(find(table, "e1"), null, 30);

    assertThat(table.owner(find(table, "e1"))).isNull();
    assertThat(table.oldestExpiresAt()).isEqualTo(30);
  }

  private static boolean add(FlatLeaseTable table, String eventKey, long expires) {
    return table.add(table.hash(eventKey, "l1"), eventKey, "l1", table.keyLength(eventKey, "l1"), "owner-" + eventKey,
        expires);
  }

  private static int find(FlatLeaseTable table, String eventKey) {
    return table.find(table.hash(eventKey, "l1"), eventKey, "l1");
  }
}

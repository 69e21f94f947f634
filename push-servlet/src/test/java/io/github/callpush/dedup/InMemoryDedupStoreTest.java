package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryDedupStoreTest extends DedupStoreContract {

  @Override
  protected DedupStore createStore() {
    return InMemoryDedupStore.builder().clock(clock).build();
  }

  @Test
  void theBuilderNamesTheSettingAndValueItRejects() {
    assertThatThrownBy(() -> InMemoryDedupStore.builder().maximumSize(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maximumSize must be between 1 and 268435456 but was 0");
    assertThatThrownBy(() -> InMemoryDedupStore.builder().maximumSize(268_435_457))
        .hasMessage("maximumSize must be between 1 and 268435456 but was 268435457");
    assertThat(InMemoryDedupStore.builder().maximumSize(268_435_456).build().maximumSize()).isEqualTo(268_435_456);
    assertThatThrownBy(() -> InMemoryDedupStore.builder().clock(null)).hasMessage("clock");
    assertThat(InMemoryDedupStore.builder().build().maximumSize())
        .isEqualTo(InMemoryDedupStore.DEFAULT_MAXIMUM_SIZE);
  }

  @Test
  void aFullStoreForgetsTheOldestEntryFirst() {
    InMemoryDedupStore small = InMemoryDedupStore.builder().maximumSize(3).clock(clock).build();
    for (String event : new String[] {"e1", "e2", "e3"}) {
      small.claim(event, "l1", "A", LONG);
      small.complete(event, "l1", "A", LONG);
    }

    small.claim("e4", "l1", "A", LONG);

    assertThat(small.size()).isEqualTo(3);
    assertThat(small.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
    assertThat(small.claim("e3", "l1", "B", LONG)).isEqualTo(Claim.COMPLETED);
    assertThat(small.claim("e4", "l1", "B", LONG)).isEqualTo(Claim.IN_FLIGHT);
  }

  @Test
  void countsWhatAFullStoreForgetsBeforeItExpired() {
    InMemoryDedupStore small = InMemoryDedupStore.builder().maximumSize(2).clock(clock).build();
    small.claim("done", "l1", "A", LONG);
    small.complete("done", "l1", "A", LONG);
    small.claim("running", "l1", "A", LONG);
    small.claim("released", "l1", "A", LONG);
    small.release("released", "l1", "A");
    assertThat(small.forgottenEarly()).as("the completed entry went early").isEqualTo(1);

    small.claim("e4", "l1", "A", LONG);
    small.claim("e5", "l1", "A", LONG);

    assertThat(small.forgottenEarly()).as("then the live lease; the released entry had expired").isEqualTo(2);
  }

  @Test
  void forgettingExpiredEntriesIsNotCounted() {
    InMemoryDedupStore small = InMemoryDedupStore.builder().maximumSize(2).clock(clock).build();
    small.claim("e1", "l1", "A", SHORT);
    small.claim("e2", "l1", "A", SHORT);
    advance(PAST_SHORT);

    small.claim("e3", "l1", "A", LONG);

    assertThat(small.size()).isEqualTo(1);
    assertThat(small.forgottenEarly()).isZero();
  }

  @Test
  void theStoreStaysWithinItsMaximumSize() {
    InMemoryDedupStore small = InMemoryDedupStore.builder().maximumSize(100).clock(clock).build();

    for (int i = 0; i < 10_000; i++) {
      small.claim("e" + i, "l1", "A", LONG);
    }

    assertThat(small.size()).isEqualTo(100);
    assertThat(small.claim("e9999", "l1", "B", LONG)).isEqualTo(Claim.IN_FLIGHT);
    assertThat(small.claim("e9899", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
  }

  @Test
  void newEntriesRemoveExpiredOnesWithoutASweep() {
    InMemoryDedupStore store = InMemoryDedupStore.builder().clock(clock).build();
    for (int i = 0; i < 10; i++) {
      store.claim("old" + i, "l1", "A", SHORT);
    }
    advance(PAST_SHORT);

    for (int i = 0; i < 5; i++) {
      store.claim("new" + i, "l1", "A", LONG);
    }

    assertThat(store.size()).isEqualTo(5);
  }

  @Test
  void aReusedEntryKeepsItsPlaceAndIsNotCountedTwice() {
    InMemoryDedupStore store = InMemoryDedupStore.builder().maximumSize(2).clock(clock).build();
    store.claim("e1", "l1", "A", LONG);
    store.release("e1", "l1", "A");

    store.claim("e1", "l1", "B", LONG);
    store.claim("e2", "l1", "B", LONG);

    assertThat(store.size()).isEqualTo(2);
    assertThat(store.claim("e1", "l1", "C", LONG)).isEqualTo(Claim.IN_FLIGHT);
  }

  @Test
  void aKeyLongerThanAllKeysMayTakeIsRefusedAndNothingIsForgotten() {
    InMemoryDedupStore store = InMemoryDedupStore.builder().keyBytesLimit(16).clock(clock).build();
    store.claim("e1", "l1", "A", LONG);

    assertThatThrownBy(() -> store.claim("e-with-a-long-key", "l1", "A", LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the event key and listener id take 20 bytes, more than the store's 16");
    assertThat(store.size()).isEqualTo(1);
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.IN_FLIGHT);
  }

  @Test
  void whenTheKeysFillTheirLimitTheOldestAreForgotten() {
    InMemoryDedupStore store = InMemoryDedupStore.builder().keyBytesLimit(19).clock(clock).build();
    store.claim("e1", "l1", "A", LONG); // 5 bytes each
    store.claim("e2", "l1", "A", LONG);
    store.claim("e3", "l1", "A", LONG);

    store.claim("e4", "l1", "A", LONG);

    assertThat(store.size()).isEqualTo(3);
    assertThat(store.forgottenEarly()).isEqualTo(1);
    assertThat(store.claim("e2", "l1", "B", LONG)).isEqualTo(Claim.IN_FLIGHT);
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
  }
}

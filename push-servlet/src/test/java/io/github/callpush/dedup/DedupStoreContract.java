package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DedupStore} promises. A store's test extends this, creates a fresh store per test
 * and says how time passes: through {@link #clock} where the store takes a clock, else by sleeping.
 */
abstract class DedupStoreContract {

  /** Long enough never to run out within a test. */
  static final Duration LONG = Duration.ofMinutes(1);
  /** Short enough to run out: stores on a real clock sleep past it. */
  static final Duration SHORT = Duration.ofMillis(200);
  /** How far tests move time to get past {@link #SHORT}. */
  static final Duration PAST_SHORT = Duration.ofMillis(300);

  private static final int THREADS = 16;

  protected final MutableClock clock = new MutableClock();
  protected DedupStore store;

  /** A new, empty store; leases and retention measured by {@link #clock} if the store takes one. */
  protected abstract DedupStore createStore();

  /** Lets {@code time} pass for the store. */
  protected void advance(Duration time) {
    clock.advance(time);
  }

  /** Whether an expired lease no one took over stays until swept, so its owner can still settle it. */
  protected boolean keepsExpiredLeases() {
    return true;
  }

  /** Whether {@link DedupStore#sweep} removes expired entries (else they expire by themselves). */
  protected boolean sweepsExpiredEntries() {
    return true;
  }

  @BeforeEach
  void openStore() {
    store = createStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aFreeKeyIsAcquired() {
    assertThat(store.claim("e1", "l1", "A", LONG)).isEqualTo(Claim.ACQUIRED);
  }

  @Test
  void aLiveLeaseIsInFlightForOthers() {
    store.claim("e1", "l1", "A", LONG);

    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.IN_FLIGHT);
  }

  @Test
  void aLiveLeaseIsInFlightForItsOwnOwnerToo() {
    store.claim("e1", "l1", "A", LONG);

    assertThat(store.claim("e1", "l1", "A", LONG)).isEqualTo(Claim.IN_FLIGHT);
  }

  @Test
  void aCompletedKeyIsCompletedForEveryone() {
    store.claim("e1", "l1", "A", LONG);

    assertThat(store.complete("e1", "l1", "A", LONG)).isTrue();
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.COMPLETED);
    assertThat(store.claim("e1", "l1", "A", LONG)).isEqualTo(Claim.COMPLETED);
  }

  @Test
  void anotherOwnerCannotCompleteALease() {
    store.claim("e1", "l1", "A", LONG);

    assertThat(store.complete("e1", "l1", "B", LONG)).isFalse();
    assertThat(store.claim("e1", "l1", "C", LONG)).isEqualTo(Claim.IN_FLIGHT);
    assertThat(store.complete("e1", "l1", "A", LONG)).isTrue();
  }

  @Test
  void releaseLetsARetryAcquire() {
    store.claim("e1", "l1", "A", LONG);

    assertThat(store.release("e1", "l1", "A")).isTrue();
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
  }

  @Test
  void anotherOwnerCannotReleaseALease() {
    store.claim("e1", "l1", "A", LONG);

    assertThat(store.release("e1", "l1", "B")).isFalse();
    assertThat(store.claim("e1", "l1", "C", LONG)).isEqualTo(Claim.IN_FLIGHT);
    assertThat(store.release("e1", "l1", "A")).isTrue();
  }

  @Test
  void nothingToCompleteOrReleaseOnAnUnknownKey() {
    assertThat(store.complete("e1", "l1", "A", LONG)).isFalse();
    assertThat(store.release("e1", "l1", "A")).isFalse();
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
  }

  @Test
  void aCompletedKeyCannotBeReleasedOrCompletedAgain() {
    store.claim("e1", "l1", "A", LONG);
    store.complete("e1", "l1", "A", LONG);

    assertThat(store.release("e1", "l1", "A")).isFalse();
    assertThat(store.complete("e1", "l1", "A", LONG)).isFalse();
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.COMPLETED);
  }

  @Test
  void aReleasedKeyCannotBeCompleted() {
    store.claim("e1", "l1", "A", LONG);
    store.release("e1", "l1", "A");

    assertThat(store.complete("e1", "l1", "A", LONG)).isFalse();
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
  }

  @Test
  void aCompletedKeyIsFreeAgainAfterItsRetention() {
    store.claim("e1", "l1", "A", LONG);
    store.complete("e1", "l1", "A", SHORT);

    advance(PAST_SHORT);

    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
  }

  @Test
  void anExpiredLeaseIsTakenOver() {
    store.claim("e1", "l1", "A", SHORT);

    advance(PAST_SHORT);

    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
    assertThat(store.claim("e1", "l1", "C", LONG)).isEqualTo(Claim.IN_FLIGHT);
  }

  @Test
  void aLateOwnerCannotCompleteALeaseTakenOver() {
    store.claim("e1", "l1", "A", SHORT);
    advance(PAST_SHORT);
    store.claim("e1", "l1", "B", LONG);

    assertThat(store.complete("e1", "l1", "A", LONG)).isFalse();
    assertThat(store.claim("e1", "l1", "C", LONG)).isEqualTo(Claim.IN_FLIGHT);
    assertThat(store.complete("e1", "l1", "B", LONG)).isTrue();
    assertThat(store.claim("e1", "l1", "C", LONG)).isEqualTo(Claim.COMPLETED);
  }

  @Test
  void aLateOwnerCannotReleaseALeaseTakenOver() {
    store.claim("e1", "l1", "A", SHORT);
    advance(PAST_SHORT);
    store.claim("e1", "l1", "B", LONG);

    assertThat(store.release("e1", "l1", "A")).isFalse();
    assertThat(store.claim("e1", "l1", "C", LONG)).isEqualTo(Claim.IN_FLIGHT);
    assertThat(store.release("e1", "l1", "B")).isTrue();
  }

  @Test
  void anExpiredLeaseNoOneTookOverIsCompletedByItsOwnerWhereTheStoreKeepsIt() {
    store.claim("e1", "l1", "A", SHORT);
    advance(PAST_SHORT);

    boolean completed = store.complete("e1", "l1", "A", LONG);

    assertThat(completed).isEqualTo(keepsExpiredLeases());
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(completed ? Claim.COMPLETED : Claim.ACQUIRED);
  }

  @Test
  void theListenersOfOneEventAreIndependent() {
    assertThat(store.claim("e1", "l1", "A", LONG)).isEqualTo(Claim.ACQUIRED);
    assertThat(store.claim("e1", "l2", "A", LONG)).isEqualTo(Claim.ACQUIRED);
    store.complete("e1", "l1", "A", LONG);
    store.release("e1", "l2", "A");

    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.COMPLETED);
    assertThat(store.claim("e1", "l2", "B", LONG)).isEqualTo(Claim.ACQUIRED);
  }

  @Test
  void theEventsOfOneListenerAreIndependent() {
    assertThat(store.claim("e1", "l1", "A", LONG)).isEqualTo(Claim.ACQUIRED);
    assertThat(store.claim("e2", "l1", "A", LONG)).isEqualTo(Claim.ACQUIRED);
    store.complete("e1", "l1", "A", LONG);

    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.COMPLETED);
    assertThat(store.claim("e2", "l1", "B", LONG)).isEqualTo(Claim.IN_FLIGHT);
  }

  @Test
  void keysThatLookAlikeStayApart() {
    String[][] pairs = {
      {"acct:1:2", "l"}, {"acct:1", "2:l"}, {"acct:1:2:l", ""}, {"ACCT:1:2", "l"},
      {"acct:1:2 ", "l"}, {"acct:1:2", "l "}, {"acct:1:2", "L"}, {"账户:事件", "监听"}, {"😀", "🎧"}
    };
    for (String[] pair : pairs) {
      assertThat(store.claim(pair[0], pair[1], "A", LONG)).as("%s / %s", pair[0], pair[1]).isEqualTo(Claim.ACQUIRED);
    }
    for (String[] pair : pairs) {
      assertThat(store.complete(pair[0], pair[1], "A", LONG)).as("%s / %s", pair[0], pair[1]).isTrue();
    }
  }

  @Test
  void ownersAreComparedExactly() {
    store.claim("e1", "l1", "node-a", LONG);

    assertThat(store.complete("e1", "l1", "NODE-A", LONG)).isFalse();
    assertThat(store.release("e1", "l1", "node-a ")).isFalse();
    assertThat(store.complete("e1", "l1", "node-a", LONG)).isTrue();
  }

  @Test
  void sweepRemovesExpiredEntriesOnly() {
    store.claim("live-lease", "l1", "A", LONG);
    store.claim("expired-lease", "l1", "A", SHORT);
    store.claim("expired-completion", "l1", "A", LONG);
    store.complete("expired-completion", "l1", "A", SHORT);
    store.claim("live-completion", "l1", "A", LONG);
    store.complete("live-completion", "l1", "A", LONG);
    advance(PAST_SHORT);

    assertThat(store.sweep()).isEqualTo(sweepsExpiredEntries() ? 2 : 0);
    assertThat(store.sweep()).isZero();
    assertThat(store.claim("live-lease", "l1", "B", LONG)).isEqualTo(Claim.IN_FLIGHT);
    assertThat(store.claim("expired-lease", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
    assertThat(store.claim("expired-completion", "l1", "B", LONG)).isEqualTo(Claim.ACQUIRED);
    assertThat(store.claim("live-completion", "l1", "B", LONG)).isEqualTo(Claim.COMPLETED);
  }

  @Test
  void concurrentClaimsOfOneKeyAcquireItOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      String event = "race-" + round;
      List<Claim> claims = race(owner -> store.claim(event, "l1", owner, LONG));

      assertThat(claims).as("round %d", round).containsOnlyOnce(Claim.ACQUIRED);
      assertThat(claims).filteredOn(claim -> claim != Claim.ACQUIRED).containsOnly(Claim.IN_FLIGHT);
    }
  }

  @Test
  void concurrentTakeoversOfAnExpiredLeaseAcquireItOnce() throws Exception {
    store.claim("e1", "l1", "A", SHORT);
    advance(PAST_SHORT);

    List<Claim> claims = race(owner -> store.claim("e1", "l1", owner, LONG));

    assertThat(claims).containsOnlyOnce(Claim.ACQUIRED);
  }

  @Test
  void concurrentCallersOnOneKeyAndOnTheirOwnKeysGetExactlyTheirOutcomes() throws Exception {
    int rounds = 10;
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<String>>> runs = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        String owner = "owner-" + i;
        runs.add(threads.submit(() -> {
          start.await();
          List<String> outcomes = new ArrayList<>();
          for (int round = 0; round < rounds; round++) {
            Claim shared = store.claim("shared-" + round, "l1", owner, LONG);
            Claim own = store.claim(owner + "-" + round, "l1", owner, LONG);
            boolean sharedDone = store.complete("shared-" + round, "l1", owner, LONG);
            boolean ownDone = store.complete(owner + "-" + round, "l1", owner, LONG);
            outcomes.add(round + " " + shared + " " + sharedDone + " " + own + " " + ownDone);
          }
          return outcomes;
        }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<List<String>> run : runs) {
        outcomes.addAll(run.get(60, TimeUnit.SECONDS));
      }

      for (int round = 0; round < rounds; round++) {
        String prefix = round + " ";
        List<String> ofRound = outcomes.stream().filter(outcome -> outcome.startsWith(prefix)).toList();
        assertThat(ofRound).as("round %d", round).hasSize(THREADS)
            .containsOnlyOnce(prefix + "ACQUIRED true ACQUIRED true")
            .filteredOn(outcome -> !outcome.startsWith(prefix + "ACQUIRED"))
            .allSatisfy(outcome -> assertThat(outcome).isIn(
                prefix + "IN_FLIGHT false ACQUIRED true", prefix + "COMPLETED false ACQUIRED true"));
      }
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void argumentsAreChecked() {
    assertThatThrownBy(() -> store.claim(null, "l1", "A", LONG)).hasMessageContaining("eventKey");
    assertThatThrownBy(() -> store.claim("e1", null, "A", LONG)).hasMessageContaining("listenerId");
    assertThatThrownBy(() -> store.complete("e1", "l1", null, LONG)).hasMessageContaining("owner");
    assertThatThrownBy(() -> store.claim("e1", "l1", "A", Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> store.complete("e1", "l1", "A", Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("retention");
  }

  /** Runs {@code claim} for {@link #THREADS} owners released at once; returns what each got. */
  private static List<Claim> race(Function<String, Claim> claim) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Claim>> results = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        String owner = "owner-" + i;
        Callable<Claim> task = () -> {
          start.await();
          return claim.apply(owner);
        };
        results.add(threads.submit(task));
      }
      start.countDown();
      List<Claim> claims = new ArrayList<>();
      for (Future<Claim> result : results) {
        claims.add(result.get(30, TimeUnit.SECONDS));
      }
      return claims;
    } finally {
      threads.shutdownNow();
    }
  }
}

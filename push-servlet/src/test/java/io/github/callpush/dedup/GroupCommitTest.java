package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

  private final List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService callers = Executors.newCachedThreadPool();
  private final List<Thread> followers = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch firstBatchMayEnd = new CountDownLatch(1);

  @AfterEach
  void stop() {
    callers.shutdownNow();
  }

  @Test
  void aLoneCallRunsAtOnceOnItsCallersThreadInABatchOfOne() {
    List<Thread> ranOn = new ArrayList<>();
    GroupCommit<Call> commit = new GroupCommit<>(8, batch -> {
      ranOn.add(Thread.currentThread());
      record(batch);
      batch.forEach(call -> call.succeed(call.value * 10));
    });

    assertThat(commit.run(new Call(1))).isEqualTo(10);
    assertThat(commit.run(new Call(2))).isEqualTo(20);
    assertThat(batches).containsExactly(List.of(1), List.of(2));
    assertThat(ranOn).containsOnly(Thread.currentThread());
  }

  @Test
  void callsWaitingForABusyLeaderRunTogetherInBatchesOfAtMostTheBound() throws Exception {
    GroupCommit<Call> commit = firstBatchBlocks(4, batch -> batch.forEach(call -> call.succeed(call.value * 10)));
    Future<Object> leader = lead(commit);
    List<Future<Object>> followers = new ArrayList<>();
    for (int i = 1; i <= 9; i++) {
      followers.add(follow(commit, i));
    }
    awaitParked(9);

    firstBatchMayEnd.countDown();

    assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    for (int i = 0; i < followers.size(); i++) {
      assertThat(followers.get(i).get(10, TimeUnit.SECONDS)).isEqualTo((i + 1) * 10);
    }
    assertThat(batches).hasSize(4);
    assertThat(batches.subList(1, 4)).extracting(List::size).containsExactly(4, 4, 1);
    assertThat(batches.stream().flatMap(List::stream)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
  }

  @Test
  void aFailedBatchFailsEachOfItsCallsAndTheNextBatchRuns() throws Exception {
    GroupCommit<Call> commit = firstBatchBlocks(8, batch -> {
      if (batch.size() > 1) {
        throw new IllegalStateException("round trip lost");
      }
      batch.forEach(call -> call.succeed(call.value));
    });
    Future<Object> leader = lead(commit);
    List<Future<Object>> followers = List.of(follow(commit, 1), follow(commit, 2), follow(commit, 3));
    awaitParked(3);

    firstBatchMayEnd.countDown();

    assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    for (Future<Object> follower : followers) {
      assertThatThrownBy(() -> follower.get(10, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class)
          .hasMessageContaining("round trip lost");
    }
    assertThat(batches.get(1)).hasSize(3);
    assertThat(commit.run(new Call(4))).isEqualTo(4);
  }

  @Test
  void anAnswerGivenPerCallReachesOnlyThatCaller() {
    GroupCommit<Call> commit = new GroupCommit<>(8, batch -> {
      batch.get(0).fail(new IllegalArgumentException("this one"));
      batch.forEach(call -> call.succeed("fine")); // an answered call keeps its first answer
    });

    assertThatThrownBy(() -> commit.run(new Call(1))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCallTheExecutorLeftUnansweredFails() {
    GroupCommit<Call> commit = new GroupCommit<>(8, batch -> {});

    assertThatThrownBy(() -> commit.run(new Call(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unanswered");
  }

  @Test
  void anInterruptedFollowerStillGetsItsAnswerAndKeepsTheInterrupt() throws Exception {
    GroupCommit<Call> commit = firstBatchBlocks(8, batch -> batch.forEach(call -> call.succeed(call.value)));
    Future<Object> leader = lead(commit);
    Future<Object> follower = follow(commit, 1);
    awaitParked(1);

    followers.get(0).interrupt();
    firstBatchMayEnd.countDown();

    assertThat(leader.get(10, TimeUnit.SECONDS)).isEqualTo(0);
    assertThat(follower.get(10, TimeUnit.SECONDS)).isEqualTo(List.of(1, true));
  }

  @Test
  void manyCallersEachGetTheirOwnAnswerExactlyOnce() throws Exception {
    int threads = 16;
    int callsEach = 500;
    GroupCommit<Call> commit = new GroupCommit<>(8, batch -> {
      record(batch);
      batch.forEach(call -> call.succeed(-call.value));
    });
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int base = t * callsEach;
      results.add(callers.submit(() -> {
        start.await();
        boolean right = true;
        for (int i = base; i < base + callsEach; i++) {
          right &= commit.run(new Call(i)).equals(-i);
        }
        return right;
      }));
    }
    start.countDown();

    for (Future<Boolean> result : results) {
      assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(batches).allSatisfy(batch -> assertThat(batch).hasSizeBetween(1, 8));
    assertThat(batches.stream().mapToInt(List::size).sum()).isEqualTo(threads * callsEach);
  }

  /** A commit whose first batch, the one of call 0, waits for {@link #firstBatchMayEnd}. */
  private GroupCommit<Call> firstBatchBlocks(int maxBatch, GroupCommit.Executor<Call> answer) {
    return new GroupCommit<>(maxBatch, batch -> {
      record(batch);
      if (batch.get(0).value == 0) {
        await(firstBatchMayEnd);
      }
      answer.execute(batch);
    });
  }

  /** Runs call 0 on a thread of its own and waits until its batch has started. */
  private Future<Object> lead(GroupCommit<Call> commit) throws InterruptedException {
    Future<Object> leader = callers.submit(() -> commit.run(new Call(0)));
    awaitTrue(() -> !batches.isEmpty());
    return leader;
  }

  /** Runs call {@code value} on a thread of its own; answers its result and whether it was interrupted then. */
  private Future<Object> follow(GroupCommit<Call> commit, int value) {
    return callers.submit(() -> {
      followers.add(Thread.currentThread());
      Object answer = commit.run(new Call(value));
      return Thread.currentThread().isInterrupted() ? List.of(answer, true) : answer;
    });
  }

  /** Waits until {@code count} followers have started and all of them are parked. */
  private void awaitParked(int count) throws InterruptedException {
    awaitTrue(() -> {
      synchronized (followers) {
        return followers.size() == count
            && followers.stream().allMatch(thread -> thread.getState() == Thread.State.WAITING);
      }
    });
  }

  private void record(List<Call> batch) {
    List<Integer> values = new ArrayList<>();
    batch.forEach(call -> values.add(call.value));
    batches.add(values);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
    while (!condition.getAsBoolean()) {
      Thread.sleep(1);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static final class Call extends GroupCommit.Call {

    final int value;

    Call(int value) {
      this.value = value;
    }
  }
}

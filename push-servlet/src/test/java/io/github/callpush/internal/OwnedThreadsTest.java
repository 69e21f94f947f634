package io.github.callpush.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OwnedThreadsTest {

  private final List<Thread> made = new CopyOnWriteArrayList<>();

  @Test
  void threadsAreNamedDaemons() {
    Thread single = OwnedThreads.named("callpush-test").newThread(() -> { });
    OwnedThreads numbered = OwnedThreads.numbered("callpush-test");

    assertThat(single.getName()).isEqualTo("callpush-test");
    assertThat(single.isDaemon()).isTrue();
    assertThat(List.of(numbered.newThread(() -> { }).getName(), numbered.newThread(() -> { }).getName()))
        .containsExactly("callpush-test-1", "callpush-test-2");
  }

  @Test
  void shutDownReturnsOnlyOnceTheRunningTaskFinishedAndItsThreadEnded() throws Exception {
    OwnedThreads threads = OwnedThreads.named("callpush-test");
    ExecutorService executor = Executors.newSingleThreadExecutor(task -> remember(threads.newThread(task)));
    CountDownLatch started = new CountDownLatch(1);
    executor.execute(() -> {
      started.countDown();
      sleepIgnoringInterrupts(300);
    });
    assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

    boolean finished = threads.shutDown(executor, Duration.ofSeconds(5));

    assertThat(finished).isTrue();
    assertThat(made).singleElement().satisfies(thread -> assertThat(thread.isAlive()).isFalse());
  }

  @Test
  void shutDownTellsWhenTasksStillRunAfterTheWait() throws Exception {
    OwnedThreads threads = OwnedThreads.named("callpush-test");
    ExecutorService executor = Executors.newSingleThreadExecutor(threads);
    CountDownLatch release = new CountDownLatch(1);
    executor.execute(() -> awaitQuietly(release));
    try {
      assertThat(threads.shutDown(executor, Duration.ZERO)).isFalse();
    } finally {
      release.countDown();
    }
    threads.shutDownNow(executor);
    assertThat(executor.isTerminated()).isTrue();
  }

  private Thread remember(Thread thread) {
    made.add(thread);
    return thread;
  }

  private static void sleepIgnoringInterrupts(long millis) {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    for (long left; (left = end - System.nanoTime()) > 0; ) {
      try {
        TimeUnit.NANOSECONDS.sleep(left);
      } catch (InterruptedException ignored) {
        // a task that does not stop when interrupted, like a JDBC statement
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}

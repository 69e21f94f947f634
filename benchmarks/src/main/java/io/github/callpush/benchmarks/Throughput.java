package io.github.callpush.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/** Runs one loop per thread, all started together, for a fixed time, and counts what they did. */
final class Throughput {

  private Throughput() {}

  /** The work of one thread: opened on its thread before the clock starts, then run until time is up. */
  @FunctionalInterface
  interface Work {

    /** The step this thread repeats; {@code thread} is its index. */
    Step open(int thread) throws Exception;
  }

  /** One operation; {@code n} counts this thread's operations from 0. */
  @FunctionalInterface
  interface Step {
    void run(long n) throws Exception;
  }

  /** Operations per second of {@code threads} threads of {@code executor} doing {@code work} for {@code time}. */
  static double perSecond(ExecutorService executor, int threads, Duration time, Work work) throws Exception {
    CountDownLatch ready = new CountDownLatch(threads);
    CountDownLatch start = new CountDownLatch(1);
    long[] deadline = new long[1];
    List<Future<Long>> counts = new ArrayList<>();
    for (int thread = 0; thread < threads; thread++) {
      int index = thread;
      counts.add(executor.submit(() -> {
        Step step;
        try {
          step = work.open(index);
        } finally {
          ready.countDown();
        }
        start.await();
        long done = 0;
        while (System.nanoTime() < deadline[0]) {
          step.run(done);
          done++;
        }
        return done;
      }));
    }
    ready.await();
    long begin = System.nanoTime();
    deadline[0] = begin + time.toNanos();
    start.countDown();
    long total = 0;
    for (Future<Long> count : counts) {
      total += count.get();
    }
    return total / ((System.nanoTime() - begin) / 1e9);
  }
}

package io.github.callpush.benchmarks;

import io.github.callpush.benchmarks.StoreTarget.Operation;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The timing harness of {@link StoreBenchmark}: runs a target's anchor, store and floor in timed phases
 * on a fixed set of threads, a warm-up of each first, then alternating round by round, and takes the
 * medians. Every phase has its own event keys.
 */
final class PhaseTimer implements AutoCloseable {

  private static final String ACCOUNT = "N00000000001";

  private final String keys;
  private final int threads;
  private final ExecutorService executor;
  private int phase;

  /** A timer on {@code threads} threads whose event keys all start with {@code keys}. */
  PhaseTimer(String keys, int threads) {
    this.keys = "id:" + ACCOUNT.length() + ':' + ACCOUNT + ':' + keys;
    this.threads = threads;
    this.executor = Executors.newFixedThreadPool(threads);
  }

  /**
   * Warms up the anchor, store and floor of {@code target}, then times them one after the other in each of
   * {@code rounds}, printing each round to stderr under {@code name}.
   */
  Medians measure(String name, StoreTarget target, Duration warmup, Duration duration, int rounds)
      throws Exception {
    run(target.anchor, warmup);
    run(target.store, warmup);
    run(target.floor, warmup);
    double[] anchor = new double[rounds];
    double[] store = new double[rounds];
    double[] floor = new double[rounds];
    double[] ratio = new double[rounds];
    double[] floorRatio = new double[rounds];
    for (int round = 0; round < rounds; round++) {
      anchor[round] = run(target.anchor, duration);
      store[round] = run(target.store, duration);
      floor[round] = run(target.floor, duration);
      ratio[round] = store[round] / anchor[round];
      floorRatio[round] = floor[round] / anchor[round];
      System.err.printf(Locale.ROOT, "%s round %d: store %s ops/s, anchor %s ops/s, floor %s ops/s%n",
          name, round + 1, StoreReport.perSecond(store[round]), StoreReport.perSecond(anchor[round]),
          StoreReport.perSecond(floor[round]));
    }
    return new Medians(target, median(store), median(anchor), median(ratio), median(floor), median(floorRatio));
  }

  /** Runs {@code operation} on every thread for {@code time}; returns operations per second (NaN for none). */
  private double run(Operation operation, Duration time) throws Exception {
    if (operation == null) {
      return Double.NaN;
    }
    String phaseKeys = keys + "-" + phase++ + "-";
    return Throughput.perSecond(executor, threads, time, thread -> {
      String threadKeys = phaseKeys + thread + "-";
      ThreadLocalRandom random = ThreadLocalRandom.current();
      return n -> operation.run(threadKeys + n,
          Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
    });
  }

  /** The median (NaN for a target without an anchor, whose rounds are all NaN). */
  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Stops the threads. */
  @Override
  public void close() {
    executor.shutdownNow();
  }

  /**
   * The medians of one target, in operations per second; the ratios are the medians of each round's.
   *
   * @param target the target
   * @param store the store's operations per second
   * @param anchor the anchor's; NaN without one
   * @param ratio store / anchor
   * @param floor the floor's; NaN without one
   * @param floorRatio floor / anchor
   */
  record Medians(StoreTarget target, double store, double anchor, double ratio, double floor, double floorRatio) {

    /** Whether the target has an anchor (a server). */
    boolean hasAnchor() {
      return !Double.isNaN(anchor);
    }
  }
}

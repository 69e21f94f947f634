package io.github.callpush.benchmarks;

import io.github.callpush.benchmarks.PhaseTimer.Medians;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Claim+complete operations per second of each dedup store against its raw server doing the same
 * writes, with the same connections and threads (issue 5's goal: each store at least half its anchor).
 *
 * <p>One operation is what the receiver does for one event and one listener: claim a fresh event key
 * (32-hex owner, 2 min lease) and complete it (24 h retention); anything but ACQUIRED then true stops
 * the run. The anchor writes the same row or key once: a plain INSERT into a second table made with the
 * store's own DDL, through the same Hikari pool (JDBC), or a {@code SET NX PX} through the same Jedis pool
 * (Redis). The in-memory store has no server and so no anchor. Beside them, a floor: the raw server
 * doing the two writes claim+complete needs, one after the other (INSERT then UPDATE of that row, or
 * SET NX PX then SET XX PX), which tells how far below the goal the two dependent writes alone put any
 * store. A warm-up of each comes first, then anchor, store and floor alternate for the timed rounds. The
 * figures are the medians of those rounds, and the ratio is the median of each round's store/anchor, which
 * pairs phases that ran one after the other (steadier than a ratio of medians when other work comes and
 * goes on the machine).
 * Tables ({@code callpush_bench_RUN}) and keys ({@code callpush:bench:RUN:}) are this run's own and are
 * removed at the end.
 *
 * <p>Usage: {@code StoreBenchmark [--threads=8] [--warmup=5] [--duration=5] [--rounds=5]
 * [--postgresql=URL] [--mariadb=URL] [--h2=URL] [--redis=URI] [--redis-reference=TEXT] [--results=FILE]
 * [--command=TEXT] TARGET...}, targets {@code memory h2 postgresql mariadb redis}. With {@code --results}
 * it appends one tab-separated line per target (section, figure, value, anchor, ratio, goal, command).
 *
 * <p>The parts: {@link StoreBenchmarkOptions} reads the command line, {@link StoreTarget} opens each store
 * with its anchor and floor, {@link PhaseTimer} times them, {@link StoreReport} prints the figures.
 */
public final class StoreBenchmark {

  private StoreBenchmark() {}

  /** Runs the targets named in {@code args}; exits 1 when one of them could not be measured. */
  public static void main(String[] args) throws Exception {
    StoreBenchmarkOptions options = StoreBenchmarkOptions.parse(args);
    String run = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 32);
    List<Medians> results = new ArrayList<>();
    boolean failed = false;
    for (String name : options.targets()) {
      try (StoreTarget target = StoreTarget.open(name, options, run);
          PhaseTimer timer = new PhaseTimer(run + "-" + name, options.threads())) {
        results.add(timer.measure(name, target, options.warmup(), options.duration(), options.rounds()));
      } catch (Exception e) {
        System.err.println(name + " could not be measured: " + e);
        failed = true;
      }
    }
    StoreReport.print(results, options);
    if (options.results().isPresent()) {
      StoreReport.append(options.results().get(), results, options.command());
    }
    if (failed) {
      System.exit(1);
    }
  }
}

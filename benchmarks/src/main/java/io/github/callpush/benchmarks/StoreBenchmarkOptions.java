package io.github.callpush.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@link StoreBenchmark}: {@code --name=value} options and the targets to measure.
 *
 * @param threads how many threads run each phase
 * @param warmup how long each operation is warmed up
 * @param duration how long each timed phase lasts
 * @param rounds how many rounds of timed phases
 * @param h2 the H2 JDBC URL
 * @param postgresql the PostgreSQL JDBC URL
 * @param mariadb the MariaDB JDBC URL
 * @param redis the Redis URI
 * @param redisReference an outside figure printed beside Redis's (e.g. redis-benchmark's SET); may be empty
 * @param results the file that gets one tab-separated line per figure, if any
 * @param command the command that reproduces the figures, for the results file
 * @param targets the targets, in order: {@code memory h2 postgresql mariadb redis}
 */
record StoreBenchmarkOptions(int threads, Duration warmup, Duration duration, int rounds, String h2,
    String postgresql, String mariadb, String redis, String redisReference, Optional<Path> results, String command,
    List<String> targets) {

  private static final Map<String, String> DEFAULTS = Map.of(
      "threads", "8",
      "warmup", "5",
      "duration", "5",
      "rounds", "5",
      "postgresql", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres",
      "mariadb", "jdbc:mariadb://127.0.0.1:3306/test?user=root",
      "h2", "jdbc:h2:mem:callpush_bench;DB_CLOSE_DELAY=-1",
      "redis", "redis://127.0.0.1:6379",
      "redis-reference", "",
      "command", "benchmarks/run-stores.sh");

  /**
   * The options in {@code args}, the defaults for those not given; every target when none is named.
   *
   * @throws IllegalArgumentException on an unknown option or one without {@code =value}
   */
  static StoreBenchmarkOptions parse(String[] args) {
    Map<String, String> options = new HashMap<>(DEFAULTS);
    List<String> targets = new ArrayList<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        targets.add(arg);
        continue;
      }
      String[] option = arg.substring(2).split("=", 2);
      if (option.length != 2 || !(DEFAULTS.containsKey(option[0]) || option[0].equals("results"))) {
        throw new IllegalArgumentException("unknown option " + arg + "; see the Javadoc of StoreBenchmark");
      }
      options.put(option[0], option[1]);
    }
    if (targets.isEmpty()) {
      targets = List.of("memory", "h2", "postgresql", "mariadb", "redis");
    }
    return new StoreBenchmarkOptions(Integer.parseInt(options.get("threads")), seconds(options.get("warmup")),
        seconds(options.get("duration")), Integer.parseInt(options.get("rounds")), options.get("h2"),
        options.get("postgresql"), options.get("mariadb"), options.get("redis"), options.get("redis-reference"),
        Optional.ofNullable(options.get("results")).map(Path::of), options.get("command"), List.copyOf(targets));
  }

  /** Seconds, fractions allowed (a smoke run's phases last a fraction of a second). */
  private static Duration seconds(String value) {
    return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
  }
}

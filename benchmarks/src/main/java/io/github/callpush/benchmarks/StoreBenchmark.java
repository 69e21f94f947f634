package io.github.callpush.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.JdbcDedupStore;
import io.github.callpush.dedup.RedisDedupStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

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
 * store. A warm-up of each comes first, then anchor, store and floor alternate for the timed rounds. The figures are the medians of those rounds, and
 * the ratio is the median of each round's store/anchor, which pairs phases that ran one after the other
 * (steadier than a ratio of medians when other work comes and goes on the machine).
 * Tables ({@code callpush_bench_RUN}) and keys ({@code callpush:bench:RUN:}) are this run's own and are
 * removed at the end.
 *
 * <p>Usage: {@code StoreBenchmark [--threads=8] [--warmup=5] [--duration=5] [--rounds=5]
 * [--postgresql=URL] [--mariadb=URL] [--h2=URL] [--redis=URI] [--redis-reference=TEXT] [--results=FILE]
 * [--command=TEXT] TARGET...}, targets {@code memory h2 postgresql mariadb redis}. With {@code --results}
 * it appends one tab-separated line per target (section, figure, value, anchor, ratio, goal, command).
 */
public final class StoreBenchmark {

  /** The least store/anchor ratio the goal accepts. */
  private static final double GOAL = 0.50;

  private static final String LISTENER = "cdr-archive";
  private static final String ACCOUNT = "N00000000001";
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final long MEMORY_MAXIMUM_SIZE = 2_000_000;

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

  private StoreBenchmark() {}

  /** Runs the targets named in {@code args}; exits 1 when one of them could not be measured. */
  public static void main(String[] args) throws Exception {
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
    int threads = Integer.parseInt(options.get("threads"));
    Duration warmup = seconds(options.get("warmup"));
    Duration duration = seconds(options.get("duration"));
    int rounds = Integer.parseInt(options.get("rounds"));
    String run = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 32);

    List<Result> results = new ArrayList<>();
    boolean failed = false;
    for (String name : targets) {
      try (Target target = open(name, options, run, threads);
          Phases phases = new Phases(run + "-" + name, threads)) {
        phases.run(target.anchor, warmup);
        phases.run(target.store, warmup);
        phases.run(target.floor, warmup);
        double[] anchor = new double[rounds];
        double[] store = new double[rounds];
        double[] floor = new double[rounds];
        double[] ratio = new double[rounds];
        double[] floorRatio = new double[rounds];
        for (int round = 0; round < rounds; round++) {
          anchor[round] = phases.run(target.anchor, duration);
          store[round] = phases.run(target.store, duration);
          floor[round] = phases.run(target.floor, duration);
          ratio[round] = store[round] / anchor[round];
          floorRatio[round] = floor[round] / anchor[round];
          System.err.printf(Locale.ROOT, "%s round %d: store %s ops/s, anchor %s ops/s, floor %s ops/s%n",
              name, round + 1, perSecond(store[round]), perSecond(anchor[round]), perSecond(floor[round]));
        }
        results.add(new Result(target, median(store), median(anchor), median(ratio), median(floor),
            median(floorRatio)));
      } catch (Exception e) {
        System.err.println(name + " could not be measured: " + e);
        failed = true;
      }
    }
    print(results, threads, rounds, duration, warmup);
    if (options.containsKey("results")) {
      append(Path.of(options.get("results")), results, options.get("command"));
    }
    if (failed) {
      System.exit(1);
    }
  }

  private static Target open(String name, Map<String, String> options, String run, int threads) {
    return switch (name) {
      // the default bound (100,000) forgets the oldest entries, live or not: at hundreds of thousands of
      // claims per second, a thread descheduled between its claim and its complete found its lease gone
      case "memory" -> new Target("in-memory claim+complete",
          InMemoryDedupStore.builder().maximumSize(MEMORY_MAXIMUM_SIZE).build(),
          "-", null, null, "-", "", "0 (one JVM's memory)", () -> {});
      case "h2" -> jdbc("H2 (embedded) claim+complete", options.get("h2"), run, threads,
          "2 statements (INSERT claim, UPDATE complete) vs 1 INSERT, in process");
      case "postgresql" -> jdbc("PostgreSQL claim+complete", options.get("postgresql"), run, threads,
          "2 round trips and commits (INSERT ... ON CONFLICT claim, UPDATE complete) vs 1 INSERT");
      case "mariadb" -> jdbc("MariaDB claim+complete", options.get("mariadb"), run, threads,
          "2 round trips and commits (INSERT IGNORE claim, UPDATE complete) vs 1 INSERT");
      case "redis" -> redis(URI.create(options.get("redis")), run, threads, options.get("redis-reference"));
      default -> throw new IllegalArgumentException(
          "unknown target " + name + "; use memory, h2, postgresql, mariadb or redis");
    };
  }

  /**
   * A JDBC store, a plain INSERT of the claim's row, and as floor that INSERT then a plain UPDATE of the
   * row to what complete writes, each statement on a connection of its own from the pool as the store's
   * claim and complete are; all on new tables with the store's DDL.
   */
  private static Target jdbc(String figure, String url, String run, int threads, String roundTrips) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(threads);
    config.setMinimumIdle(threads);
    config.setPoolName("bench-" + run);
    HikariDataSource pool = new HikariDataSource(config);
    String storeTable = "callpush_bench_" + run;
    String anchorTable = storeTable + "_anchor";
    Cleanup cleanup = () -> {
      try (pool; Connection connection = pool.getConnection(); Statement drop = connection.createStatement()) {
        drop.execute("DROP TABLE IF EXISTS " + storeTable);
        drop.execute("DROP TABLE IF EXISTS " + anchorTable);
      }
    };
    try {
      JdbcDedupStore store = createTable(pool, storeTable);
      createTable(pool, anchorTable);
      String insert = "INSERT INTO " + anchorTable
          + " (event_key, listener_id, owner, state, expires_at) VALUES (?, ?, ?, 'LEASED', ?)";
      String update = "UPDATE " + anchorTable
          + " SET state = 'DONE', expires_at = ? WHERE event_key = ? AND listener_id = ?";
      Operation anchor = (eventKey, owner) -> {
        try (Connection connection = pool.getConnection();
            PreparedStatement statement = connection.prepareStatement(insert)) {
          statement.setString(1, eventKey);
          statement.setString(2, LISTENER);
          statement.setString(3, owner);
          statement.setLong(4, System.currentTimeMillis() + LEASE.toMillis());
          check(statement.executeUpdate() == 1, "INSERT", eventKey);
        }
      };
      Operation floor = (eventKey, owner) -> {
        anchor.run(eventKey, owner);
        try (Connection connection = pool.getConnection();
            PreparedStatement statement = connection.prepareStatement(update)) {
          statement.setLong(1, System.currentTimeMillis() + RETENTION.toMillis());
          statement.setString(2, eventKey);
          statement.setString(3, LISTENER);
          check(statement.executeUpdate() == 1, "UPDATE", eventKey);
        }
      };
      return new Target(figure, store, "plain INSERT", anchor, floor, "plain INSERT then UPDATE", "", roundTrips,
          cleanup);
    } catch (RuntimeException e) {
      closeAfterFailure(cleanup, e);
      throw e;
    }
  }

  /** A store on {@code table}, whose first operation (a sweep) creates the table and its index. */
  private static JdbcDedupStore createTable(DataSource pool, String table) {
    JdbcDedupStore store = JdbcDedupStore.builder(pool).tableName(table).createTable(true).build();
    store.sweep();
    return store;
  }

  /**
   * The Redis store, a {@code SET NX PX} of a key of the same shape, and as floor that SET then a
   * {@code SET XX PX} of the key to what complete writes; all through one Jedis pool.
   */
  private static Target redis(URI uri, String run, int threads, String reference) {
    ConnectionPoolConfig config = new ConnectionPoolConfig();
    config.setMaxTotal(threads);
    config.setMaxIdle(threads);
    JedisPooled jedis = new JedisPooled(config, uri);
    String prefix = "callpush:bench:" + run + ":";
    Cleanup cleanup = () -> {
      try (jedis) {
        ScanParams match = new ScanParams().match(prefix + "*").count(1000);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
          ScanResult<String> page = jedis.scan(cursor, match);
          if (!page.getResult().isEmpty()) {
            jedis.unlink(page.getResult().toArray(String[]::new));
          }
          cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
      }
    };
    try {
      jedis.ping();
      DedupStore store = RedisDedupStore.builder(jedis).keyPrefix(prefix + "store:").build();
      SetParams claimLike = SetParams.setParams().nx().px(LEASE.toMillis());
      SetParams completeLike = SetParams.setParams().xx().px(RETENTION.toMillis());
      Operation anchor = (eventKey, owner) -> check(
          "OK".equals(jedis.set(anchorKey(prefix, eventKey), "L" + owner, claimLike)), "SET", eventKey);
      Operation floor = (eventKey, owner) -> {
        anchor.run(eventKey, owner);
        check("OK".equals(jedis.set(anchorKey(prefix, eventKey), "D" + owner, completeLike)), "SET XX", eventKey);
      };
      return new Target("Redis claim+complete", store, "Jedis SET NX PX", anchor, floor,
          "Jedis SET NX PX then SET XX PX", reference,
          "2 round trips (SET NX PX claim; EVALSHA complete: GET, SET PX) vs 1 SET NX PX", cleanup);
    } catch (RuntimeException e) {
      closeAfterFailure(cleanup, e);
      throw e;
    }
  }

  private static String anchorKey(String prefix, String eventKey) {
    return prefix + "anchor:" + eventKey.length() + ':' + eventKey + ':' + LISTENER;
  }

  private static void closeAfterFailure(Cleanup cleanup, RuntimeException failure) {
    try {
      cleanup.run();
    } catch (SQLException | RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  private static void check(boolean succeeded, String what, String eventKey) {
    if (!succeeded) {
      throw new IllegalStateException(what + " of the fresh key " + eventKey + " did not succeed");
    }
  }

  /** The median (NaN for a target without an anchor, whose rounds are all NaN). */
  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }

  /** Seconds, fractions allowed (a smoke run's phases last a fraction of a second). */
  private static Duration seconds(String value) {
    return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
  }

  private static void print(List<Result> results, int threads, int rounds, Duration duration, Duration warmup) {
    System.out.printf(Locale.ROOT,
        "claim+complete of a fresh event key (one listener) vs the raw server doing the same write once:%n"
            + "%d threads, medians of %d rounds x %.1f s after a %.1f s warm-up; ratio: median of the rounds' ratios%n%n",
        threads, rounds, duration.toMillis() / 1000.0, warmup.toMillis() / 1000.0);
    String row = "%-46s %12s  %-22s %12s %6s  %s%n";
    System.out.printf(Locale.ROOT, row, "store", "ops/s", "anchor", "anchor ops/s", "ratio", "goal " + goal());
    for (Result result : results) {
      System.out.printf(Locale.ROOT, row, result.target.figure, perSecond(result.store),
          result.target.anchorName,
          perSecond(result.anchor), result.ratioText(),
          result.hasAnchor() ? (result.ratio >= GOAL ? "met" : "MISSED") : "n/a (no server)");
      if (result.hasAnchor()) {
        System.out.printf(Locale.ROOT, row, "  floor: " + result.target.floorName, perSecond(result.floor),
            result.target.anchorName, perSecond(result.anchor), roundedDown(result.floorRatio), "-");
      }
    }
    System.out.println();
    System.out.println("round trips per op, store vs anchor (the store does more than the anchor's one write):");
    for (Result result : results) {
      System.out.printf(Locale.ROOT, "  %-30s %s%n", result.target.figure, result.target.roundTrips);
      if (!result.target.reference.isEmpty()) {
        System.out.printf(Locale.ROOT, "  %-30s external reference: %s%n", "", result.target.reference);
      }
    }
  }

  private static void append(Path file, List<Result> results, String command) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Result result : results) {
      lines.append(String.join("\t", "Dedup stores", result.target.figure, perSecond(result.store) + " ops/s",
          result.hasAnchor() ? result.target.anchorName + " " + perSecond(result.anchor) + " ops/s"
              + (result.target.reference.isEmpty() ? "" : " (" + result.target.reference + ")") : "-",
          result.ratioText(), result.hasAnchor() ? goal() : "-", command));
      lines.append('\n');
      if (result.hasAnchor()) {
        lines.append(String.join("\t", "Dedup stores",
            result.target.figure.replace("claim+complete", "floor: " + result.target.floorName),
            perSecond(result.floor) + " ops/s", result.target.anchorName + " " + perSecond(result.anchor) + " ops/s",
            roundedDown(result.floorRatio), "-", command));
        lines.append('\n');
      }
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  private static String goal() {
    return String.format(Locale.ROOT, ">= %.2f", GOAL);
  }

  private static String perSecond(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
  }

  /** One store or anchor operation on a fresh event key. */
  @FunctionalInterface
  private interface Operation {
    void run(String eventKey, String owner) throws Exception;
  }

  /** Removes what a target made and closes its connections. */
  @FunctionalInterface
  private interface Cleanup {
    void run() throws SQLException;
  }

  /** A store, its anchor and floor (null without a server) and what removes their tables or keys. */
  private static final class Target implements AutoCloseable {

    final String figure;
    final Operation store;
    final String anchorName;
    final Operation anchor;
    final Operation floor;
    final String floorName;
    final String reference;
    final String roundTrips;
    private final DedupStore dedupStore;
    private final Cleanup cleanup;

    Target(String figure, DedupStore store, String anchorName, Operation anchor, Operation floor,
        String floorName, String reference, String roundTrips, Cleanup cleanup) {
      this.figure = figure;
      this.dedupStore = store;
      this.store = (eventKey, owner) -> check(
          store.claim(eventKey, LISTENER, owner, LEASE) == Claim.ACQUIRED
              && store.complete(eventKey, LISTENER, owner, RETENTION),
          "claim+complete", eventKey);
      this.anchorName = anchorName;
      this.anchor = anchor;
      this.floor = floor;
      this.floorName = floorName;
      this.reference = reference;
      this.roundTrips = roundTrips;
      this.cleanup = cleanup;
    }

    @Override
    public void close() throws SQLException {
      try {
        dedupStore.close();
      } finally {
        cleanup.run();
      }
    }
  }

  /** The medians of one target. */
  private record Result(Target target, double store, double anchor, double ratio, double floor,
      double floorRatio) {

    boolean hasAnchor() {
      return !Double.isNaN(anchor);
    }

    String ratioText() {
      return hasAnchor() ? roundedDown(ratio) : "-";
    }
  }

  /** Rounded down, so that a ratio shown as the goal meets it. */
  private static String roundedDown(double value) {
    return String.format(Locale.ROOT, "%.2f", Math.floor(value * 100) / 100);
  }

  /** Timed phases on a fixed set of threads; every phase has its own event keys. */
  private static final class Phases implements AutoCloseable {

    private final String keys;
    private final int threads;
    private final ExecutorService executor;
    private int phase;

    Phases(String keys, int threads) {
      this.keys = "id:" + ACCOUNT.length() + ':' + ACCOUNT + ':' + keys;
      this.threads = threads;
      this.executor = Executors.newFixedThreadPool(threads);
    }

    /** Runs {@code operation} on every thread for {@code time}; returns operations per second (NaN for none). */
    double run(Operation operation, Duration time) throws Exception {
      if (operation == null) {
        return Double.NaN;
      }
      String phaseKeys = keys + "-" + phase++ + "-";
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch start = new CountDownLatch(1);
      long[] deadline = new long[1];
      List<Future<Long>> counts = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        String threadKeys = phaseKeys + thread + "-";
        counts.add(executor.submit(() -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          ready.countDown();
          start.await();
          long done = 0;
          while (System.nanoTime() < deadline[0]) {
            operation.run(threadKeys + done,
                Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong()));
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

    @Override
    public void close() {
      executor.shutdownNow();
    }
  }
}

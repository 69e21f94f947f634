package io.github.callpush.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.JdbcDedupStore;
import io.github.callpush.dedup.RedisDedupStore;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One store {@link StoreBenchmark} drives, with its anchor (the raw server writing the claim's row or key
 * once) and its floor (the raw server doing the two writes claim+complete needs); both null for the
 * in-memory store, which has no server. Closing it removes the tables or keys it made and closes its
 * connections.
 */
final class StoreTarget implements AutoCloseable {

  private static final String LISTENER = "cdr-archive";
  private static final Duration LEASE = Duration.ofMinutes(2);
  private static final Duration RETENTION = Duration.ofHours(24);
  private static final long MEMORY_MAXIMUM_SIZE = 2_000_000;

  /** What the report calls it, e.g. {@code PostgreSQL claim+complete}. */
  final String figure;
  /** Claim+complete of a fresh event key through the store. */
  final Operation store;
  /** What the anchor does, e.g. {@code plain INSERT}. */
  final String anchorName;
  /** The raw server's one write; null without a server. */
  final Operation anchor;
  /** The raw server's two writes; null without a server. */
  final Operation floor;
  /** What the floor does, e.g. {@code plain INSERT then UPDATE}. */
  final String floorName;
  /** An outside figure to print beside this target's; empty when there is none. */
  final String reference;
  /** The round trips of one store operation against the anchor's. */
  final String roundTrips;
  private final DedupStore dedupStore;
  private final Cleanup cleanup;

  private StoreTarget(String figure, DedupStore store, String anchorName, Operation anchor, Operation floor,
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

  /**
   * The target named {@code memory}, {@code h2}, {@code postgresql}, {@code mariadb} or {@code redis}, on
   * tables or keys of this {@code run}, with a pool of one connection per thread.
   */
  static StoreTarget open(String name, StoreBenchmarkOptions options, String run) {
    int threads = options.threads();
    return switch (name) {
      // the default bound (100,000) forgets the oldest entries, live or not: at hundreds of thousands of
      // claims per second, a thread descheduled between its claim and its complete found its lease gone
      case "memory" -> new StoreTarget("in-memory claim+complete",
          InMemoryDedupStore.builder().maximumSize(MEMORY_MAXIMUM_SIZE).build(),
          "-", null, null, "-", "", "0 (one JVM's memory)", () -> {});
      case "h2" -> jdbc("H2 (embedded) claim+complete", options.h2(), run, threads,
          "2 statements (INSERT claim, UPDATE complete) vs 1 INSERT, in process");
      case "postgresql" -> jdbc("PostgreSQL claim+complete", options.postgresql(), run, threads,
          "2 round trips and commits (INSERT ... ON CONFLICT claim, UPDATE complete) vs 1 INSERT");
      case "mariadb" -> jdbc("MariaDB claim+complete", options.mariadb(), run, threads,
          "2 round trips and commits (INSERT IGNORE claim, UPDATE complete) vs 1 INSERT");
      case "redis" -> redis(URI.create(options.redis()), run, threads, options.redisReference());
      default -> throw new IllegalArgumentException(
          "unknown target " + name + "; use memory, h2, postgresql, mariadb or redis");
    };
  }

  /** Removes the store, then the tables or keys this target made, and closes its connections. */
  @Override
  public void close() throws SQLException {
    try {
      dedupStore.close();
    } finally {
      cleanup.run();
    }
  }

  /**
   * A JDBC store, a plain INSERT of the claim's row, and as floor that INSERT then a plain UPDATE of the
   * row to what complete writes, each statement on a connection of its own from the pool as the store's
   * claim and complete are; all on new tables with the store's DDL.
   */
  private static StoreTarget jdbc(String figure, String url, String run, int threads, String roundTrips) {
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
      return new StoreTarget(figure, store, "plain INSERT", anchor, floor, "plain INSERT then UPDATE", "",
          roundTrips, cleanup);
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
  private static StoreTarget redis(URI uri, String run, int threads, String reference) {
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
      return new StoreTarget("Redis claim+complete", store, "Jedis SET NX PX", anchor, floor,
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

  /** One store or anchor operation on a fresh event key. */
  @FunctionalInterface
  interface Operation {
    /** Writes {@code eventKey} for {@code owner}; throws when the write did not succeed. */
    void run(String eventKey, String owner) throws Exception;
  }

  /** Removes what a target made and closes its connections. */
  @FunctionalInterface
  private interface Cleanup {
    void run() throws SQLException;
  }
}

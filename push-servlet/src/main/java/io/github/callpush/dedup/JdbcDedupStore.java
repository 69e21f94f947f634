package io.github.callpush.dedup;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * A {@link DedupStore} in one table of a PostgreSQL, MySQL, MariaDB or H2 database, shared by every
 * node that uses the same table. Needs nothing but {@code javax.sql}.
 *
 * <p>One row per (event, listener), primary key on both. Each claim, takeover, completion and release
 * is a single atomic statement (no SELECT-then-INSERT, no table locks); a claim that is not acquired
 * then reads the row's state only to tell {@link Claim#COMPLETED} from {@link Claim#IN_FLIGHT}, which
 * cannot turn it into an acquisition. Times are epoch milliseconds of the store's {@link Clock}, so the
 * nodes' clocks must agree to well within a lease. An expired row stays until it is taken over or
 * {@link #sweep swept}: until then its owner can still complete or release it.
 *
 * <p>The DDL ships as {@code io/github/callpush/dedup/callpush_dedup-{postgresql,mysql,h2}.sql}; keys
 * and owners are limited to 255 UTF-8 bytes. The store connects lazily: the first operation detects the
 * database and, with {@link Builder#createTable}, creates the table. It borrows one connection per
 * operation and runs it in auto-commit mode.
 *
 * <pre>{@code
 * DedupStore store = JdbcDedupStore.builder(dataSource).createTable(true).build();
 * }</pre>
 */
public final class JdbcDedupStore implements DedupStore {

  /** The table used unless {@link Builder#tableName} says otherwise. */
  public static final String DEFAULT_TABLE_NAME = "callpush_dedup";

  /** The longest event key, listener id or owner, in UTF-8 bytes, that the shipped tables hold. */
  public static final int MAX_KEY_BYTES = 255;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,47}");
  private static final String COMPLETED = "COMPLETED";
  private static final int CLAIM_ATTEMPTS = 3;

  private final DataSource dataSource;
  private final String tableName;
  private final JdbcSchema schema;
  private final Clock clock;
  private final int sweepBatchSize;
  private final AutoCloseable ownedDataSource;
  private final String name;

  private JdbcDedupStore(Builder builder) {
    this.dataSource = builder.dataSource;
    this.tableName = builder.tableName;
    this.schema = new JdbcSchema(tableName, builder.createTable);
    this.clock = builder.clock;
    this.sweepBatchSize = builder.sweepBatchSize;
    this.ownedDataSource = builder.ownedDataSource;
    this.name = "JdbcDedupStore[" + tableName + "]";
  }

  /** A builder for a store over {@code dataSource}. */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /** Closes the data source when the store made it itself (a {@code jdbc:} spec's pool); a given one stays open. */
  @Override
  public void close() {
    if (ownedDataSource == null) {
      return;
    }
    try {
      ownedDataSource.close();
    } catch (Exception failed) {
      LoggerFactory.getLogger(JdbcDedupStore.class).warn("closing the dedup store's connection pool failed", failed);
    }
  }

  /** {@code JdbcDedupStore[table]}, as its errors name it. */
  @Override
  public String toString() {
    return name;
  }

  /** The table this store uses. */
  public String tableName() {
    return tableName;
  }

  @Override
  public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
    requireKeys(eventKey, listenerId, owner);
    long leaseMillis = StoreArguments.positiveMillis("lease", lease);
    return run("claim", (connection, sql) -> {
      for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        long now = clock.millis();
        if (acquire(connection, sql, eventKey, listenerId, owner, StoreArguments.expiresAt(now, leaseMillis), now)) {
          return Claim.ACQUIRED;
        }
        // The row was live when the claim failed. Its state only decides between two refusals:
        // COMPLETED is final for the retention, and LEASED may have completed since, which is true too.
        try (PreparedStatement read = connection.prepareStatement(sql.state())) {
          read.setString(1, eventKey);
          read.setString(2, listenerId);
          try (ResultSet row = read.executeQuery()) {
            if (row.next()) {
              return COMPLETED.equals(row.getString(1)) ? Claim.COMPLETED : Claim.IN_FLIGHT;
            }
          }
        }
        // released or swept in between: claim again
      }
      return Claim.IN_FLIGHT;
    });
  }

  @Override
  public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
    requireKeys(eventKey, listenerId, owner);
    long retentionMillis = StoreArguments.positiveMillis("retention", retention);
    return run("complete", (connection, sql) -> {
      try (PreparedStatement update = connection.prepareStatement(sql.complete())) {
        update.setLong(1, StoreArguments.expiresAt(clock.millis(), retentionMillis));
        update.setString(2, eventKey);
        update.setString(3, listenerId);
        update.setString(4, owner);
        return update.executeUpdate() == 1;
      }
    });
  }

  @Override
  public boolean release(String eventKey, String listenerId, String owner) {
    requireKeys(eventKey, listenerId, owner);
    return run("release", (connection, sql) -> {
      try (PreparedStatement delete = connection.prepareStatement(sql.release())) {
        delete.setString(1, eventKey);
        delete.setString(2, listenerId);
        delete.setString(3, owner);
        return delete.executeUpdate() == 1;
      }
    });
  }

  /**
   * Deletes the expired rows (expired leases and completions past their retention) in batches of
   * {@link Builder#sweepBatchSize}, each its own statement; returns how many.
   */
  @Override
  public int sweep() {
    return run("sweep", (connection, sql) -> {
      long now = clock.millis();
      int total = 0;
      try (PreparedStatement delete = connection.prepareStatement(sql.sweep())) {
        int deleted;
        do {
          delete.setLong(1, now);
          delete.setInt(2, sweepBatchSize);
          deleted = delete.executeUpdate();
          total = (int) Math.min(Integer.MAX_VALUE, (long) total + deleted);
        } while (deleted >= sweepBatchSize);
      }
      return total;
    });
  }

  private static boolean acquire(
      Connection connection,
      Dialect.Statements sql,
      String eventKey,
      String listenerId,
      String owner,
      long expiresAt,
      long now)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(sql.insert())) {
      insert.setString(1, eventKey);
      insert.setString(2, listenerId);
      insert.setString(3, owner);
      insert.setLong(4, expiresAt);
      if (sql.upsert()) {
        insert.setLong(5, now);
        return insert.executeUpdate() == 1;
      }
      if (insert.executeUpdate() == 1) {
        return true;
      }
    } catch (SQLException e) {
      if (sql.upsert() || !isDuplicateKey(e)) {
        throw e;
      }
    }
    try (PreparedStatement takeover = connection.prepareStatement(sql.takeover())) {
      takeover.setString(1, owner);
      takeover.setLong(2, expiresAt);
      takeover.setString(3, eventKey);
      takeover.setString(4, listenerId);
      takeover.setLong(5, now);
      return takeover.executeUpdate() == 1;
    }
  }

  private static boolean isDuplicateKey(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLIntegrityConstraintViolationException || state != null && state.startsWith("23");
  }

  private <T> T run(String operation, ConnectionWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean manual = !connection.getAutoCommit();
      if (manual) {
        connection.setAutoCommit(true);
      }
      try {
        return work.run(connection, schema.statements(connection));
      } finally {
        if (manual) {
          connection.setAutoCommit(false);
        }
      }
    } catch (SQLException e) {
      throw DedupStoreException.unavailable(name, operation, e);
    }
  }

  private static void requireKeys(String eventKey, String listenerId, String owner) {
    StoreArguments.requireNonNull(eventKey, listenerId, owner);
    requireFits("eventKey", eventKey);
    requireFits("listenerId", listenerId);
    requireFits("owner", owner);
  }

  private static void requireFits(String what, String value) {
    if (value.length() * 3 > MAX_KEY_BYTES
        && value.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      throw new IllegalArgumentException(
          what + " must be at most " + MAX_KEY_BYTES + " UTF-8 bytes but was " + value);
    }
  }

  /** One operation on a borrowed connection. */
  @FunctionalInterface
  private interface ConnectionWork<T> {
    T run(Connection connection, Dialect.Statements sql) throws SQLException;
  }

  /** Settings of a {@link JdbcDedupStore}; each setter checks its value at once. */
  public static final class Builder {

    private final DataSource dataSource;
    private String tableName = DEFAULT_TABLE_NAME;
    private boolean createTable;
    private Clock clock = Clock.systemUTC();
    private int sweepBatchSize = 1000;
    private AutoCloseable ownedDataSource;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The table, an unquoted identifier of letters, digits and {@code _} (at most 48, not starting with
     * a digit); default {@code callpush_dedup}. Qualify it through the data source's default schema.
     */
    public Builder tableName(String tableName) {
      Objects.requireNonNull(tableName, "tableName");
      if (!IDENTIFIER.matcher(tableName).matches()) {
        throw new IllegalArgumentException(
            "tableName must be letters, digits and _ (at most 48, not starting with a digit) but was "
                + tableName);
      }
      this.tableName = tableName;
      return this;
    }

    /** Whether the first operation creates the table and its index if missing; default false. */
    public Builder createTable(boolean createTable) {
      this.createTable = createTable;
      return this;
    }

    /** The clock leases and retention are measured with; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The most rows one statement of {@link JdbcDedupStore#sweep} deletes; default 1000. */
    public Builder sweepBatchSize(int sweepBatchSize) {
      if (sweepBatchSize <= 0) {
        throw new IllegalArgumentException("sweepBatchSize must be positive but was " + sweepBatchSize);
      }
      this.sweepBatchSize = sweepBatchSize;
      return this;
    }

    /** Makes the store close its data source, which it made itself; for {@link DedupStores}. */
    Builder ownsDataSource(AutoCloseable dataSource) {
      this.ownedDataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** A store with these settings; it does not connect until first used. */
    public JdbcDedupStore build() {
      return new JdbcDedupStore(this);
    }
  }
}

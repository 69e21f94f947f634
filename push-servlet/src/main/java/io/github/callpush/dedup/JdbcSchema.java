package io.github.callpush.dedup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The table of a {@link JdbcDedupStore}, set up on its first connection: detects the database's
 * {@link Dialect}, creates the table and its index when asked to (from the dialect's shipped DDL), and
 * from then on hands out the dialect's statements for the table. Not API.
 */
final class JdbcSchema {

  private static final int DDL_ATTEMPTS = 5;

  private final String tableName;
  private final boolean createTable;
  private final Object setUpLock = new Object();
  private volatile Dialect.Statements sql;

  /** The schema of {@code tableName}, which the first connection creates if {@code createTable}. */
  JdbcSchema(String tableName, boolean createTable) {
    this.tableName = tableName;
    this.createTable = createTable;
  }

  /** The statements for the table; the first call detects the database on {@code connection} and sets up the table. */
  Dialect.Statements statements(Connection connection) throws SQLException {
    Dialect.Statements known = sql;
    if (known != null) {
      return known;
    }
    synchronized (setUpLock) {
      if (sql == null) {
        String product = connection.getMetaData().getDatabaseProductName();
        Dialect dialect = Dialect.of(product);
        if (dialect == null) {
          throw new SQLFeatureNotSupportedException(
              "JdbcDedupStore supports PostgreSQL, MySQL, MariaDB and H2, not " + product);
        }
        if (createTable) {
          createTable(connection, dialect);
        }
        sql = dialect.statements(tableName);
      }
      return sql;
    }
  }

  /** The DDL statements of {@code dialect} creating {@code table} and its index, if they do not exist. */
  static List<String> ddl(Dialect dialect, String table) {
    String script;
    try (InputStream in = JdbcSchema.class.getResourceAsStream(dialect.ddlResource())) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + dialect.ddlResource());
      }
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    StringBuilder code = new StringBuilder();
    for (String line : script.split("\n")) {
      if (!line.strip().startsWith("--")) {
        code.append(line).append('\n');
      }
    }
    List<String> statements = new ArrayList<>();
    for (String statement : code.toString().split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.strip().replace(JdbcDedupStore.DEFAULT_TABLE_NAME, table));
      }
    }
    return statements;
  }

  /**
   * Runs the DDL. {@code CREATE ... IF NOT EXISTS} can still fail on PostgreSQL and H2 when another node
   * creates the same table or index at the same moment (a duplicate key in the catalogue, "object
   * already exists"); the object then exists, so each statement is tried again a few times.
   */
  private void createTable(Connection connection, Dialect dialect) throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      for (String statement : ddl(dialect, tableName)) {
        for (int attempt = 1; ; attempt++) {
          try {
            ddl.execute(statement);
            break;
          } catch (SQLException raced) {
            if (attempt == DDL_ATTEMPTS) {
              throw raced;
            }
            pauseBeforeRetry(attempt);
          }
        }
      }
    }
  }

  private static void pauseBeforeRetry(int attempt) throws SQLException {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(10L * attempt, 50L * attempt));
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while creating the table", interrupted);
    }
  }
}

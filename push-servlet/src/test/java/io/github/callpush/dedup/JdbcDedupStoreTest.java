package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class JdbcDedupStoreTest {

  private static final Duration LEASE = Duration.ofMinutes(1);

  @Test
  void theBuilderNamesTheSettingAndValueItRejects() {
    JdbcDedupStore.Builder builder = JdbcDedupStore.builder(unreachable());

    assertThatThrownBy(() -> builder.tableName("dedup; DROP TABLE users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tableName must be letters, digits and _")
        .hasMessageEndingWith("but was dedup; DROP TABLE users");
    assertThatThrownBy(() -> builder.tableName("1dedup")).hasMessageEndingWith("but was 1dedup");
    assertThatThrownBy(() -> builder.tableName("x".repeat(49))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.sweepBatchSize(0))
        .hasMessage("sweepBatchSize must be positive but was 0");
    assertThatThrownBy(() -> JdbcDedupStore.builder(null)).hasMessage("dataSource");
    assertThat(builder.build().tableName()).isEqualTo(JdbcDedupStore.DEFAULT_TABLE_NAME);
    assertThat(builder.tableName("Dedup_2").build().tableName()).isEqualTo("Dedup_2");
  }

  @Test
  void anUnreachableDatabaseIsADedupStoreException() {
    JdbcDedupStore store = JdbcDedupStore.builder(unreachable()).build();

    assertThatThrownBy(() -> store.claim("e1", "l1", "A", LEASE))
        .isInstanceOf(DedupStoreException.class)
        .hasMessageStartingWith("JdbcDedupStore[callpush_dedup] failed to claim")
        .hasCauseInstanceOf(SQLTransientConnectionException.class);
    assertThatThrownBy(() -> store.sweep()).isInstanceOf(DedupStoreException.class);
  }

  @Test
  void anUnsupportedDatabaseIsNamed() {
    JdbcDedupStore store = JdbcDedupStore.builder(database("Oracle")).build();

    assertThatThrownBy(() -> store.release("e1", "l1", "A"))
        .isInstanceOf(DedupStoreException.class)
        .hasCauseInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessageContaining("not Oracle");
  }

  private static DataSource unreachable() {
    return dataSource(() -> {
      throw new SQLTransientConnectionException("connection refused");
    });
  }

  private static DataSource database(String product) {
    DatabaseMetaData metaData = proxy(DatabaseMetaData.class, "getDatabaseProductName", product);
    Connection connection = proxy(Connection.class, "getMetaData", metaData);
    return dataSource(() -> connection);
  }

  /** A data source whose getConnection answers {@code connection}; nothing else is called. */
  private static DataSource dataSource(ConnectionSupplier connection) {
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcDedupStoreTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (self, method, args) -> connection.get());
  }

  /** A {@code type} whose {@code name} answers {@code answer}; getAutoCommit true, other methods nothing. */
  private static <T> T proxy(Class<T> type, String name, Object answer) {
    return JdbcProxies.answering(type, Map.of(name, args -> answer));
  }

  @FunctionalInterface
  private interface ConnectionSupplier {
    Connection get() throws SQLException;
  }
}

package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link DedupStoreContract} for {@link JdbcDedupStore} on one database, plus what is particular to
 * tables. Each test gets its own table, created by the store and dropped afterwards.
 */
abstract class JdbcDedupStoreContract extends DedupStoreContract {

  protected final String table = "callpush_dedup_" + UUID.randomUUID().toString().substring(0, 8);

  /** The database under test. */
  protected abstract DataSource dataSource();

  @Override
  protected DedupStore createStore() {
    return builder().build();
  }

  private JdbcDedupStore.Builder builder() {
    return JdbcDedupStore.builder(dataSource()).tableName(table).createTable(true).clock(clock);
  }

  @AfterEach
  void dropTable() throws SQLException {
    try (Connection connection = dataSource().getConnection();
        Statement drop = connection.createStatement()) {
      drop.execute("DROP TABLE IF EXISTS " + table);
    }
  }

  @Test
  void sweepDeletesInBatches() {
    JdbcDedupStore batched = builder().sweepBatchSize(2).build();
    for (int i = 0; i < 5; i++) {
      batched.claim("e" + i, "l1", "A", SHORT);
    }
    batched.claim("live", "l1", "A", LONG);
    advance(PAST_SHORT);

    assertThat(batched.sweep()).isEqualTo(5);
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void storesOnOneTableShareIt() {
    store.claim("e1", "l1", "A", LONG);
    JdbcDedupStore other = builder().build(); // creating an existing table is fine

    assertThat(other.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.IN_FLIGHT);
    assertThat(rows()).isEqualTo(1);
  }

  @Test
  void keysLongerThanTheColumnsAreRejectedBeforeTheDatabaseSeesThem() {
    String tooLong = "事".repeat(86); // 258 UTF-8 bytes

    assertThatThrownBy(() -> store.claim(tooLong, "l1", "A", LONG))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("eventKey must be at most 255 UTF-8 bytes");
    assertThat(store.claim("e".repeat(255), "l".repeat(255), "o".repeat(255), LONG)).isEqualTo(Claim.ACQUIRED);
  }

  private int rows() {
    try (Connection connection = dataSource().getConnection();
        Statement count = connection.createStatement();
        ResultSet result = count.executeQuery("SELECT COUNT(*) FROM " + table)) {
      result.next();
      return result.getInt(1);
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }
}

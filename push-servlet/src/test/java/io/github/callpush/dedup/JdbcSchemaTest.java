package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JdbcSchemaTest {

  private final List<String> executed = new ArrayList<>();
  private int failuresLeft;

  @Test
  void theDialectFollowsTheProductName() {
    assertThat(Dialect.of("PostgreSQL")).isEqualTo(Dialect.POSTGRESQL);
    assertThat(Dialect.of("MariaDB")).isEqualTo(Dialect.MYSQL);
    assertThat(Dialect.of("MySQL")).isEqualTo(Dialect.MYSQL);
    assertThat(Dialect.of("H2")).isEqualTo(Dialect.H2);
    assertThat(Dialect.of("Oracle")).isNull();
  }

  @Test
  void eachDialectShipsDdlThatCreatesTheNamedTableAndItsIndex() {
    for (Dialect dialect : Dialect.values()) {
      String ddl = String.join(";\n", JdbcSchema.ddl(dialect, "my_dedup"));

      assertThat(ddl).as(dialect.name()).doesNotContain("callpush_dedup").doesNotContain("--");
      assertThat(ddl).as(dialect.name()).contains("CREATE TABLE IF NOT EXISTS my_dedup (", "my_dedup_expires_at");
    }
  }

  @Test
  void theFirstConnectionCreatesTheTableAndLaterOnesAreNotAsked() throws SQLException {
    JdbcSchema schema = new JdbcSchema("my_dedup", true);

    Dialect.Statements sql = schema.statements(connection("PostgreSQL"));

    assertThat(sql).isEqualTo(Dialect.POSTGRESQL.statements("my_dedup"));
    assertThat(executed).isEqualTo(JdbcSchema.ddl(Dialect.POSTGRESQL, "my_dedup"));
    assertThat(schema.statements(null)).isSameAs(sql);
  }

  @Test
  void withoutCreateTableNoDdlRuns() throws SQLException {
    JdbcSchema schema = new JdbcSchema("my_dedup", false);

    assertThat(schema.statements(connection("MariaDB"))).isEqualTo(Dialect.MYSQL.statements("my_dedup"));
    assertThat(executed).isEmpty();
  }

  @Test
  void aDdlStatementThatFailsAsWhenAnotherNodeRacesIsTriedAgain() throws SQLException {
    failuresLeft = 4;

    new JdbcSchema("my_dedup", true).statements(connection("H2"));

    List<String> ddl = JdbcSchema.ddl(Dialect.H2, "my_dedup");
    assertThat(executed).hasSize(4 + ddl.size()).endsWith(ddl.toArray(String[]::new));
  }

  @Test
  void aDdlStatementThatKeepsFailingFailsTheSetUpAfterFiveAttempts() {
    failuresLeft = Integer.MAX_VALUE;
    JdbcSchema schema = new JdbcSchema("my_dedup", true);

    assertThatThrownBy(() -> schema.statements(connection("H2")))
        .isInstanceOf(SQLException.class)
        .hasMessage("object already exists");
    assertThat(executed).hasSize(5).containsOnly(JdbcSchema.ddl(Dialect.H2, "my_dedup").get(0));
  }

  @Test
  void anUnsupportedDatabaseIsNamed() {
    assertThatThrownBy(() -> new JdbcSchema("my_dedup", true).statements(connection("Oracle")))
        .isInstanceOf(SQLFeatureNotSupportedException.class)
        .hasMessage("JdbcDedupStore supports PostgreSQL, MySQL, MariaDB and H2, not Oracle");
    assertThat(executed).isEmpty();
  }

  /** A connection to {@code product} whose statements record what they execute, failing while failures are left. */
  private Connection connection(String product) {
    DatabaseMetaData metaData =
        JdbcProxies.answering(DatabaseMetaData.class, Map.of("getDatabaseProductName", args -> product));
    Statement statement = JdbcProxies.answering(Statement.class, Map.of("execute", args -> {
      executed.add((String) args[0]);
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new SQLException("object already exists");
      }
      return false;
    }));
    return JdbcProxies.answering(
        Connection.class, Map.of("getMetaData", args -> metaData, "createStatement", args -> statement));
  }
}

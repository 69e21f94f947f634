package io.github.callpush.dedup;

import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/** Against the PostgreSQL at {@code -Dcallpush.it.postgresql.url}, by default 127.0.0.1:5432/test. */
class PostgresJdbcDedupStoreIT extends JdbcDedupStoreContract {

  private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

  PostgresJdbcDedupStoreIT() {
    dataSource.setURL(
        System.getProperty("callpush.it.postgresql.url", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
  }

  @Override
  protected DataSource dataSource() {
    return dataSource;
  }
}

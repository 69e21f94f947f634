package io.github.callpush.dedup;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/** Against the MariaDB (or MySQL) at {@code -Dcallpush.it.mariadb.url}, by default 127.0.0.1:3306/test. */
class MariaDbJdbcDedupStoreIT extends JdbcDedupStoreContract {

  private final MariaDbDataSource dataSource;

  MariaDbJdbcDedupStoreIT() throws SQLException {
    dataSource =
        new MariaDbDataSource(
            System.getProperty("callpush.it.mariadb.url", "jdbc:mariadb://127.0.0.1:3306/test?user=root"));
  }

  @Override
  protected DataSource dataSource() {
    return dataSource;
  }
}

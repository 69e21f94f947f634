package io.github.callpush.dedup;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

class H2JdbcDedupStoreTest extends JdbcDedupStoreContract {

  private final JdbcDataSource dataSource = new JdbcDataSource();

  H2JdbcDedupStoreTest() {
    dataSource.setURL("jdbc:h2:mem:dedup-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @Override
  protected DataSource dataSource() {
    return dataSource;
  }
}

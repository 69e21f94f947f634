package io.github.callpush;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.JdbcDedupStore;
import org.mariadb.jdbc.MariaDbDataSource;

/** Two nodes sharing the real MariaDB on 127.0.0.1:3306, through a proxy that cuts connections. */
class MariaDbSharedStoreIT extends StoreOutageScenarios {

  @Override
  int serverPort() {
    return 3306;
  }

  @Override
  DedupStore newStore(int port) throws Exception {
    MariaDbDataSource dataSource = new MariaDbDataSource(
        "jdbc:mariadb://127.0.0.1:" + port + "/test?user=root&connectTimeout=2000&socketTimeout=5000");
    return JdbcDedupStore.builder(dataSource).tableName("callpush_it_" + Long.toHexString(System.nanoTime()))
        .createTable(true).build();
  }
}

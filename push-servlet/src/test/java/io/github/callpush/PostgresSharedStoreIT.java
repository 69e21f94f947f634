package io.github.callpush;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.JdbcDedupStore;
import org.postgresql.ds.PGSimpleDataSource;

/** Two nodes sharing the real PostgreSQL on 127.0.0.1:5432, through a proxy that cuts connections. */
class PostgresSharedStoreIT extends StoreOutageScenarios {

  @Override
  int serverPort() {
    return 5432;
  }

  @Override
  DedupStore newStore(int port) {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL("jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres&connectTimeout=2&socketTimeout=5");
    return JdbcDedupStore.builder(dataSource).tableName("callpush_it_" + Long.toHexString(System.nanoTime()))
        .createTable(true).build();
  }
}

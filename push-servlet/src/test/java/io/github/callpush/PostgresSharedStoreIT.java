package io.github.callpush;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.JdbcDedupStore;

/**
 * Two nodes sharing the real PostgreSQL on 127.0.0.1:5432, through a proxy that cuts connections, each over a
 * connection pool as deployments run it (and as the {@code jdbc:} store spec does): a connection per store call
 * costs PostgreSQL a backend process each, which on a slow machine made this test take minutes.
 */
class PostgresSharedStoreIT extends StoreOutageScenarios {

  @Override
  int serverPort() {
    return 5432;
  }

  @Override
  DedupStore newStore(int port) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl("jdbc:postgresql://127.0.0.1:" + port + "/test?user=postgres&connectTimeout=2&socketTimeout=5");
    config.setPoolName("callpush-it-postgres");
    config.setMaximumPoolSize(16);
    config.setConnectionTimeout(3_000);
    config.setInitializationFailTimeout(-1);
    HikariDataSource pool = closeAfter(new HikariDataSource(config));
    return JdbcDedupStore.builder(pool).tableName("callpush_it_" + Long.toHexString(System.nanoTime()))
        .createTable(true).build();
  }
}

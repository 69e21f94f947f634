package io.github.callpush;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.JdbcDedupStore;
import org.h2.jdbcx.JdbcDataSource;

/** Two nodes sharing an embedded H2 database; runs anywhere. */
class H2SharedStoreTest extends SharedStoreScenarios {

  @Override
  DedupStore newStore() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:shared-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return JdbcDedupStore.builder(dataSource).createTable(true).build();
  }
}

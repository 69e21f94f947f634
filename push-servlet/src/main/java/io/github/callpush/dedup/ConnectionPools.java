package io.github.callpush.dedup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The HikariCP pool behind a {@code jdbc:} store spec. Kept apart from {@link DedupStores} so that
 * HikariCP, an optional dependency, is loaded only when such a spec is used.
 */
final class ConnectionPools {

  private ConnectionPools() {}

  /**
   * A pool for {@code url} that opens its connections lazily, so a receiver starts while its database
   * is down (and answers 503 until it is back), and that gives up on a connection after 3 seconds
   * rather than hold the platform's request past its timeout.
   */
  static DataSource of(String url) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setPoolName("callpush-dedup");
    config.setConnectionTimeout(3_000);
    config.setInitializationFailTimeout(-1);
    return new HikariDataSource(config);
  }
}

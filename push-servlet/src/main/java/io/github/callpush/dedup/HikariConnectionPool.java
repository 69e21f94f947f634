package io.github.callpush.dedup;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.callpush.internal.OwnedThreads;
import javax.sql.DataSource;

/**
 * The HikariCP pool behind a {@code jdbc:} store spec, with its threads and the driver registrations
 * behind it, all ended by {@link #close}. Kept apart from {@link DedupStores} so that HikariCP, an
 * optional dependency, is loaded only when such a spec is used.
 */
final class HikariConnectionPool implements AutoCloseable {

  private final HikariDataSource dataSource;
  private final OwnedThreads threads;
  private final JdbcDrivers drivers;

  private HikariConnectionPool(HikariDataSource dataSource, OwnedThreads threads, JdbcDrivers drivers) {
    this.dataSource = dataSource;
    this.threads = threads;
    this.drivers = drivers;
  }

  /**
   * A pool for {@code url} over the driver {@link JdbcDrivers} finds for it, that opens its connections
   * lazily, so a receiver starts while its database is down (and answers 503 until it is back), and that
   * gives up on a connection after 3 seconds rather than hold the platform's request past its timeout.
   */
  static HikariConnectionPool open(String url) {
    JdbcDrivers drivers = JdbcDrivers.accepting(url);
    OwnedThreads threads = OwnedThreads.numbered("callpush-dedup-pool");
    HikariConfig config = new HikariConfig();
    config.setDataSource(new DriverDataSource(drivers.driver(), url));
    config.setPoolName("callpush-dedup");
    config.setThreadFactory(threads);
    config.setConnectionTimeout(3_000);
    config.setInitializationFailTimeout(-1);
    try {
      return new HikariConnectionPool(new HikariDataSource(config), threads, drivers);
    } catch (RuntimeException failed) {
      drivers.deregister();
      throw failed;
    }
  }

  /** The pool's connections. */
  DataSource dataSource() {
    return dataSource;
  }

  /** Closes the pool's connections, waits until its threads have ended, and deregisters the drivers loaded for it. */
  @Override
  public void close() {
    try {
      dataSource.close();
      threads.awaitEnd();
    } finally {
      drivers.deregister();
    }
  }
}

package io.github.callpush.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;

/**
 * Makes a store from a one-line spec, as {@code web.xml} init-params and the fixtures' command line
 * give it: {@code memory}; {@code jdbc:postgresql://host/db?user=u} (any JDBC URL whose driver is on
 * the class path, pooled by HikariCP, which must be on the class path too); {@code jndi:java:comp/env/jdbc/app}
 * (a container's {@code DataSource}); or {@code redis://host:6379} ({@code rediss://} for TLS; needs Jedis on the class path). JDBC stores
 * create their table when it is missing.
 */
public final class DedupStores {

  private DedupStores() {}

  /**
   * The store {@code spec} describes.
   *
   * @throws IllegalArgumentException when the spec is of no known form, naming it
   */
  public static DedupStore fromSpec(String spec) {
    String trimmed = spec == null ? "" : spec.trim();
    if (trimmed.equals("memory")) {
      return InMemoryDedupStore.builder().build();
    }
    if (trimmed.startsWith("jdbc:")) {
      return jdbc(trimmed);
    }
    if (trimmed.startsWith("jndi:")) {
      return JdbcDedupStore.builder(lookUp(trimmed.substring("jndi:".length()))).createTable(true).build();
    }
    if (trimmed.startsWith("redis://") || trimmed.startsWith("rediss://")) {
      return redis(trimmed);
    }
    throw new IllegalArgumentException(
        "dedup store spec must be memory, jdbc:URL, jndi:NAME or redis://HOST:PORT but was '" + trimmed + "'");
  }

  private static DedupStore jdbc(String url) {
    requireOnClassPath(url, "com.zaxxer.hikari.HikariDataSource", "com.zaxxer:HikariCP");
    DataSource pool = ConnectionPools.of(url);
    return new PooledJdbcStore(JdbcDedupStore.builder(pool).createTable(true).build(), (AutoCloseable) pool);
  }

  private static DedupStore redis(String spec) {
    requireOnClassPath(spec, "redis.clients.jedis.UnifiedJedis", "redis.clients:jedis");
    try {
      return RedisDedupStore.builder(new URI(spec)).build();
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("dedup store spec '" + spec + "' is not a valid URI: " + malformed.getMessage());
    }
  }

  private static void requireOnClassPath(String spec, String className, String artifact) {
    try {
      Class.forName(className, false, DedupStores.class.getClassLoader());
    } catch (ClassNotFoundException missing) {
      throw new IllegalArgumentException("dedup store spec '" + spec + "' needs " + artifact + " on the class path");
    }
  }

  private static DataSource lookUp(String name) {
    try {
      Object found = new InitialContext().lookup(name);
      if (found instanceof DataSource dataSource) {
        return dataSource;
      }
      throw new IllegalArgumentException("JNDI name '" + name + "' holds no DataSource but " + found);
    } catch (NamingException missing) {
      throw new IllegalArgumentException("JNDI name '" + name + "' could not be looked up: " + missing.getMessage());
    }
  }

  /** A JDBC store over a pool it owns and closes with it. */
  private static final class PooledJdbcStore implements DedupStore {

    private final JdbcDedupStore store;
    private final AutoCloseable pool;

    private PooledJdbcStore(JdbcDedupStore store, AutoCloseable pool) {
      this.store = store;
      this.pool = pool;
    }

    @Override
    public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
      return store.claim(eventKey, listenerId, owner, lease);
    }

    @Override
    public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
      return store.complete(eventKey, listenerId, owner, retention);
    }

    @Override
    public boolean release(String eventKey, String listenerId, String owner) {
      return store.release(eventKey, listenerId, owner);
    }

    @Override
    public int sweep() {
      return store.sweep();
    }

    @Override
    public void close() {
      try {
        store.close();
      } finally {
        try {
          pool.close();
        } catch (Exception failed) {
          LoggerFactory.getLogger(DedupStores.class).warn("closing the dedup store's connection pool failed", failed);
        }
      }
    }

    @Override
    public String toString() {
      return store.toString();
    }
  }
}

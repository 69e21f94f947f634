package io.github.callpush.dedup;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Makes a store from a one-line spec, as {@code web.xml} init-params and the fixtures' command line
 * give it: {@code memory}; {@code jdbc:postgresql://host/db?user=u} (any JDBC URL whose driver is on
 * the class path; one connection per operation, so prefer a pooled {@code jndi:} data source in
 * production); {@code jndi:java:comp/env/jdbc/app} (a container's {@code DataSource}); or
 * {@code redis://host:6379} ({@code rediss://} for TLS; needs Jedis on the class path). JDBC stores
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
      return JdbcDedupStore.builder(new DriverManagerDataSource(trimmed)).createTable(true).build();
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

  private static DedupStore redis(String spec) {
    try {
      Class.forName("redis.clients.jedis.UnifiedJedis", false, DedupStores.class.getClassLoader());
    } catch (ClassNotFoundException missing) {
      throw new IllegalArgumentException("dedup store spec '" + spec + "' needs redis.clients:jedis on the class path");
    }
    try {
      return RedisDedupStore.builder(new URI(spec)).build();
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("dedup store spec '" + spec + "' is not a valid URI: " + malformed.getMessage());
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

  /** A {@code DataSource} that opens a new connection from a JDBC URL each time. */
  private record DriverManagerDataSource(String url) implements DataSource {

    @Override
    public Connection getConnection() throws SQLException {
      return DriverManager.getConnection(url);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
      return DriverManager.getConnection(url, username, password);
    }

    @Override
    public PrintWriter getLogWriter() {
      return DriverManager.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
      DriverManager.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) {
      DriverManager.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() {
      return DriverManager.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
      throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}

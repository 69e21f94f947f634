package io.github.callpush.dedup;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Makes a store from a one-line spec, as {@code web.xml} init-params and the fixtures' command line
 * give it: {@code memory}, or {@code memory:500000} for an in-memory store holding at most that many
 * entries; {@code jdbc:postgresql://host/db?user=u} (any JDBC URL whose driver is on
 * the class path, pooled by HikariCP, which must be on the class path too); {@code jndi:java:comp/env/jdbc/app}
 * (a container's {@code DataSource}); or {@code redis://host:6379} ({@code rediss://} for TLS; needs Jedis on the class path). JDBC stores
 * create their table when it is missing.
 */
public final class DedupStores {

  /** A password parameter of a URL, e.g. {@code password=...} or {@code pwd=...}, up to the next parameter. */
  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("((?i:password|pwd)=)[^&;]*");
  /** The password of a URL's {@code //user:password@host}. */
  private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//[^/@:]*:)[^/@]*(?=@)");

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
    if (trimmed.startsWith("memory:")) {
      String size = trimmed.substring("memory:".length());
      try {
        return InMemoryDedupStore.builder().maximumSize(Long.parseLong(size)).build();
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException("memory:N takes the store's maximum size in entries, but was '" + trimmed
            + "'");
      }
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
        "dedup store spec must be memory, memory:N, jdbc:URL, jndi:NAME or redis://HOST:PORT but was '"
            + withoutPassword(trimmed) + "'");
  }

  private static DedupStore jdbc(String url) {
    requireOnClassPath(url, "com.zaxxer.hikari.HikariDataSource", "com.zaxxer:HikariCP");
    HikariConnectionPool pool = HikariConnectionPool.open(url);
    return JdbcDedupStore.builder(pool.dataSource()).createTable(true).ownsDataSource(pool).build();
  }

  private static DedupStore redis(String spec) {
    requireOnClassPath(spec, "redis.clients.jedis.UnifiedJedis", "redis.clients:jedis");
    try {
      return RedisDedupStore.builder(new URI(spec)).build();
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("dedup store spec '" + withoutPassword(spec) + "' is not a valid URI");
    }
  }

  private static void requireOnClassPath(String spec, String className, String artifact) {
    try {
      Class.forName(className, false, DedupStores.class.getClassLoader());
    } catch (ClassNotFoundException missing) {
      throw new IllegalArgumentException("dedup store spec '" + withoutPassword(spec) + "' needs " + artifact
          + " on the class path");
    }
  }

  /** {@code spec} with any password in it ({@code password=...}, {@code pwd=...}, {@code //user:...@}) masked. */
  static String withoutPassword(String spec) {
    return USER_INFO_PASSWORD.matcher(PASSWORD_PARAMETER.matcher(spec).replaceAll("$1***")).replaceAll("$1***");
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
}

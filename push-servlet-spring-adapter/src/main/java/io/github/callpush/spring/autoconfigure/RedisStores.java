package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.RedisDedupStore;
import io.github.callpush.spring.autoconfigure.CallpushProperties.Dedup.Redis;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.core.env.Environment;

/**
 * Builds the redis store, with its own connection pool, to {@code callpush.dedup.redis.url}, else to
 * the server the application's {@code spring.data.redis.*} settings name (url, or host, port, username,
 * password, database and ssl.enabled). Only this class touches Jedis, an optional dependency.
 */
final class RedisStores {

  private RedisStores() {}

  static DedupStore of(Redis settings, Environment environment) {
    RedisDedupStore.Builder redis = RedisDedupStore.builder(uri(settings, environment));
    InvalidProperty.apply("callpush.dedup.redis.key-prefix", settings.getKeyPrefix(),
        () -> redis.keyPrefix(settings.getKeyPrefix()));
    return redis.build();
  }

  /** The server to connect to. */
  static URI uri(Redis settings, Environment environment) {
    if (settings.getUrl() != null) {
      return parse("callpush.dedup.redis.url", settings.getUrl());
    }
    String url = environment.getProperty("spring.data.redis.url");
    if (url != null) {
      return parse("spring.data.redis.url", url);
    }
    String host = environment.getProperty("spring.data.redis.host");
    if (host == null) {
      throw InvalidProperty.of("callpush.dedup.type", "redis",
          "the redis store needs callpush.dedup.redis.url, or spring.data.redis.url or spring.data.redis.host");
    }
    String username = environment.getProperty("spring.data.redis.username");
    String password = environment.getProperty("spring.data.redis.password");
    String userInfo = password == null ? null : (username == null ? "" : username) + ":" + password;
    boolean ssl = environment.getProperty("spring.data.redis.ssl.enabled", Boolean.class, false);
    try {
      return new URI(ssl ? "rediss" : "redis", userInfo, host,
          environment.getProperty("spring.data.redis.port", Integer.class, 6379),
          "/" + environment.getProperty("spring.data.redis.database", Integer.class, 0), null, null);
    } catch (URISyntaxException invalid) {
      throw InvalidProperty.of("spring.data.redis.host", host, invalid.getMessage());
    }
  }

  private static URI parse(String property, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException invalid) {
      throw InvalidProperty.of(property, InvalidProperty.HIDDEN, invalid.getMessage());
    }
    if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
      throw InvalidProperty.of(property, InvalidProperty.HIDDEN, "must be a redis:// or rediss:// URL");
    }
    return uri;
  }
}

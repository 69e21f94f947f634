package io.github.callpush.spring.autoconfigure;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link ExactlyOnceOverHttp} on the redis store, reached through the application's
 * {@code spring.data.redis.*} settings, on the real Redis on 127.0.0.1:6379; fails without it.
 */
@TestPropertySource(properties = {
    "spring.data.redis.host=127.0.0.1",
    "spring.data.redis.port=6379",
    "callpush.dedup.type=redis",
    "callpush.dedup.redis.key-prefix=callpush:spring-it:"})
class RedisStoreAppIT extends ExactlyOnceOverHttp {

  @Override
  String store() {
    return "RedisDedupStore";
  }
}

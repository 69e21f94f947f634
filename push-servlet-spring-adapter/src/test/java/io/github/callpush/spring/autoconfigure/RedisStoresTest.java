package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.spring.autoconfigure.CallpushProperties.Dedup.Redis;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which Redis server the redis store connects to. */
class RedisStoresTest {

  private final Redis settings = new Redis();
  private final MockEnvironment environment = new MockEnvironment();

  @Test
  void prefersItsOwnUrl() {
    settings.setUrl("redis://callpush-redis:6380/1");
    environment.setProperty("spring.data.redis.url", "redis://app-redis:6379");
    assertThat(RedisStores.uri(settings, environment)).hasToString("redis://callpush-redis:6380/1");
  }

  @Test
  void elseTakesTheApplicationsRedisUrl() {
    environment.setProperty("spring.data.redis.url", "rediss://app-redis:6379");
    environment.setProperty("spring.data.redis.host", "ignored");
    assertThat(RedisStores.uri(settings, environment)).hasToString("rediss://app-redis:6379");
  }

  @Test
  void elseTheApplicationsRedisHostAndCredentials() {
    environment.setProperty("spring.data.redis.host", "app-redis");
    environment.setProperty("spring.data.redis.port", "6390");
    environment.setProperty("spring.data.redis.username", "app");
    environment.setProperty("spring.data.redis.password", "p@ss:word");
    environment.setProperty("spring.data.redis.database", "3");
    environment.setProperty("spring.data.redis.ssl.enabled", "true");
    assertThat(RedisStores.uri(settings, environment)).satisfies(uri -> {
      assertThat(uri.getScheme()).isEqualTo("rediss");
      assertThat(uri.getUserInfo()).isEqualTo("app:p@ss:word");
      assertThat(uri.getHost()).isEqualTo("app-redis");
      assertThat(uri.getPort()).isEqualTo(6390);
      assertThat(uri.getPath()).isEqualTo("/3");
    });
  }

  @Test
  void defaultsToThePlainPortAndDatabaseZero() {
    environment.setProperty("spring.data.redis.host", "app-redis");
    environment.setProperty("spring.data.redis.password", "secret");
    assertThat(RedisStores.uri(settings, environment)).hasToString("redis://:secret@app-redis:6379/0");
  }

  @Test
  void refusesAMissingOrForeignServer() {
    assertThatThrownBy(() -> RedisStores.uri(settings, environment))
        .hasMessageContaining("needs callpush.dedup.redis.url, or spring.data.redis.url or spring.data.redis.host");
    environment.setProperty("spring.data.redis.url", "redis://bad host:6379");
    assertThatThrownBy(() -> RedisStores.uri(settings, environment)).hasMessageContaining("spring.data.redis.url")
        .hasMessageContaining("Illegal character");
  }
}

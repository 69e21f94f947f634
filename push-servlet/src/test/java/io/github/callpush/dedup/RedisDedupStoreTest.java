package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.LiveThreads;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** What needs no Redis server; the contract runs in {@link RedisDedupStoreIT}. */
class RedisDedupStoreTest {

  /** Nothing listens on port 1 of the loopback: connections are refused at once. */
  private static final URI NOWHERE = URI.create("redis://127.0.0.1:1");

  @Test
  void theBuilderNamesTheSettingAndValueItRejects() {
    RedisDedupStore.Builder builder = RedisDedupStore.builder(NOWHERE);

    assertThatThrownBy(() -> builder.keyPrefix("")).hasMessage("keyPrefix must not be empty but was \"\"");
    assertThatThrownBy(() -> builder.keyPrefix(null)).hasMessage("keyPrefix");
    assertThatThrownBy(() -> RedisDedupStore.builder((URI) null)).hasMessage("uri");
    assertThatThrownBy(() -> RedisDedupStore.builder((UnifiedJedis) null)).hasMessage("jedis");
    try (RedisDedupStore store = builder.build()) {
      assertThat(store.keyPrefix()).isEqualTo(RedisDedupStore.DEFAULT_KEY_PREFIX);
    }
  }

  /** A webapp's undeploy must find no thread of the store: its Jedis pool (no evictor) starts none. */
  @Test
  void aStoreFromAUriLeavesNoThreadRunning() {
    LiveThreads threads = LiveThreads.snapshot();
    try (RedisDedupStore store = RedisDedupStore.builder(NOWHERE).build()) {
      assertThatThrownBy(() -> store.claim("e1", "l1", "A", Duration.ofMinutes(1)))
          .isInstanceOf(DedupStoreException.class);
    }

    assertThat(threads.startedSince("")).as("threads left after close").isEmpty();
  }

  @Test
  void anUnreachableServerIsADedupStoreException() {
    try (RedisDedupStore store = RedisDedupStore.builder(NOWHERE).keyPrefix("app:").build()) {
      assertThatThrownBy(() -> store.claim("e1", "l1", "A", Duration.ofMinutes(1)))
          .isInstanceOf(DedupStoreException.class)
          .hasMessageStartingWith("RedisDedupStore[app:] failed to claim")
          .hasCauseInstanceOf(JedisConnectionException.class);
      assertThatThrownBy(() -> store.release("e1", "l1", "A")).isInstanceOf(DedupStoreException.class);
      assertThat(store.sweep()).isZero();
    }
  }
}

package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Against the Redis at {@code -Dcallpush.it.redis.uri}, by default redis://127.0.0.1:6379. Redis keeps
 * time itself, so these tests sleep past short leases; each test has its own key prefix.
 */
class RedisDedupStoreIT extends DedupStoreContract {

  private static JedisPooled jedis;

  private final String prefix = "callpush:it:" + UUID.randomUUID() + ":";

  @BeforeAll
  static void connect() {
    jedis = new JedisPooled(URI.create(System.getProperty("callpush.it.redis.uri", "redis://127.0.0.1:6379")));
  }

  @AfterAll
  static void disconnect() {
    jedis.close();
  }

  @Override
  protected DedupStore createStore() {
    return RedisDedupStore.builder(jedis).keyPrefix(prefix).build();
  }

  @Override
  protected void advance(Duration time) {
    try {
      Thread.sleep(time.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  @Override
  protected boolean keepsExpiredLeases() {
    return false;
  }

  @Override
  protected boolean sweepsExpiredEntries() {
    return false;
  }

  @AfterEach
  void deleteKeys() {
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
      page.getResult().forEach(jedis::del);
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
  }

  @Test
  void leasesAndCompletionsAreKeysThatExpire() {
    store.claim("e1", "l1", "A", LONG);
    store.claim("e2", "l1", "A", LONG);
    store.complete("e2", "l1", "A", Duration.ofHours(24));

    assertThat(jedis.get(prefix + "2:e1:l1")).isEqualTo("LA");
    assertThat(jedis.pttl(prefix + "2:e1:l1")).isBetween(1L, LONG.toMillis());
    assertThat(jedis.get(prefix + "2:e2:l1")).isEqualTo("CA");
    assertThat(jedis.pttl(prefix + "2:e2:l1")).isGreaterThan(LONG.toMillis());
  }

  @Test
  void scriptsTheServerForgotAreSentAgain() {
    jedis.scriptFlush();
    assertThat(store.claim("e1", "l1", "A", LONG)).isEqualTo(Claim.ACQUIRED);
    jedis.scriptFlush();
    assertThat(store.complete("e1", "l1", "A", LONG)).isTrue();
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.COMPLETED);
  }

  @Test
  void aStoreGivenAClientLeavesItOpen() {
    store.close();

    assertThat(jedis.ping()).isEqualTo("PONG");
  }
}

package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.ChaosProxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
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
  void oneBatchAnswersEachCallInTurnWithTheOwnerChecksOfEach() {
    RedisDedupStore redis = (RedisDedupStore) store;
    redis.claim("e3", "l1", "A", LONG);
    List<RedisDedupStore.Call> batch = List.of(
        redis.claimCall("e1", "l1", "A", LONG),
        redis.completeCall("e1", "l1", "B", LONG),
        redis.completeCall("e1", "l1", "A", LONG),
        redis.claimCall("e1", "l1", "B", LONG),
        redis.claimCall("e2", "l1", "A", LONG),
        redis.claimCall("e2", "l1", "B", LONG),
        redis.releaseCall("e2", "l1", "B"),
        redis.releaseCall("e2", "l1", "A"),
        redis.claimCall("e2", "l1", "B", LONG),
        redis.claimCall("e3", "l1", "B", LONG));

    redis.execute(batch);

    assertThat(batch).extracting(call -> call.failure).containsOnlyNulls();
    assertThat(batch).extracting(call -> call.result).containsExactly(1L, 0L, 1L, 2L, 1L, 3L, 0L, 1L, 1L, 3L);
  }

  @Test
  void aBatchOfScriptsTheServerForgotIsSentAgain() {
    RedisDedupStore redis = (RedisDedupStore) store;
    jedis.scriptFlush();
    List<RedisDedupStore.Call> batch = List.of(
        redis.claimCall("e1", "l1", "A", LONG),
        redis.completeCall("e1", "l1", "A", LONG),
        redis.claimCall("e2", "l1", "A", LONG),
        redis.releaseCall("e2", "l1", "A"));

    redis.execute(batch);

    assertThat(batch).extracting(call -> call.result).containsExactly(1L, 1L, 1L, 1L);
    assertThat(store.claim("e1", "l1", "B", LONG)).isEqualTo(Claim.COMPLETED);
  }

  @Test
  void aBatchWhoseConnectionIsCutFailsEachCallAndTheNextBatchWorks() throws Exception {
    try (ChaosProxy proxy = new ChaosProxy(6379);
        RedisDedupStore redis = RedisDedupStore.builder(URI.create("redis://127.0.0.1:" + proxy.port()))
            .keyPrefix(prefix).build()) {
      assertThat(redis.claim("e0", "l1", "A", LONG)).isEqualTo(Claim.ACQUIRED); // a pooled connection
      proxy.cut();
      List<RedisDedupStore.Call> lost = List.of(
          redis.claimCall("e1", "l1", "A", LONG), redis.completeCall("e0", "l1", "A", LONG));

      redis.execute(lost);

      assertThat(lost).extracting(call -> call.failure).allSatisfy(failure -> assertThat(failure)
          .isInstanceOf(DedupStoreException.class)
          .hasMessageStartingWith("RedisDedupStore[" + prefix + "] failed to "));
      proxy.restore();
      List<RedisDedupStore.Call> next = List.of(
          redis.claimCall("e2", "l1", "A", LONG), redis.completeCall("e2", "l1", "A", LONG));
      redis.execute(next);
      assertThat(next).extracting(call -> call.result).containsExactly(1L, 1L);
    }
  }

  @Test
  void aClientWithoutPipelinesRunsABatchOneCommandAfterAnother() {
    URI uri = URI.create(System.getProperty("callpush.it.redis.uri", "redis://127.0.0.1:6379"));
    try (UnifiedJedis single = new UnifiedJedis(new Connection(uri.getHost(), uri.getPort()))) {
      RedisDedupStore redis = RedisDedupStore.builder(single).keyPrefix(prefix).build();
      List<RedisDedupStore.Call> batch = List.of(
          redis.claimCall("e1", "l1", "A", LONG), redis.claimCall("e1", "l1", "B", LONG),
          redis.completeCall("e1", "l1", "A", LONG));

      redis.execute(batch);

      assertThat(batch).extracting(call -> call.result).containsExactly(1L, 3L, 1L);
      assertThat(redis.claim("e1", "l1", "C", LONG)).isEqualTo(Claim.COMPLETED);
    }
  }

  @Test
  void aStoreGivenAClientLeavesItOpen() {
    store.close();

    assertThat(jedis.ping()).isEqualTo("PONG");
  }
}

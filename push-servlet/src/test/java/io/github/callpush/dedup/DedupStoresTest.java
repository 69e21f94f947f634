package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DedupStoresTest {

  @Test
  void memorySpecIsTheInMemoryStore() {
    assertThat(DedupStores.fromSpec("memory")).isInstanceOf(InMemoryDedupStore.class);
  }

  @Test
  void memorySpecMayNameTheMaximumSize() {
    assertThat(((InMemoryDedupStore) DedupStores.fromSpec("memory:500000")).maximumSize()).isEqualTo(500_000);
    assertThat(((InMemoryDedupStore) DedupStores.fromSpec("memory")).maximumSize())
        .isEqualTo(InMemoryDedupStore.DEFAULT_MAXIMUM_SIZE);
    assertThatThrownBy(() -> DedupStores.fromSpec("memory:lots"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("memory:N").hasMessageContaining("lots");
    assertThatThrownBy(() -> DedupStores.fromSpec("memory:0"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumSize must be between 1");
  }

  @Test
  void jdbcUrlSpecMakesAWorkingStoreThatCreatesItsTable() {
    try (DedupStore store = DedupStores.fromSpec("jdbc:h2:mem:spec-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1")) {
      assertThat(store).isInstanceOf(JdbcDedupStore.class);
      assertThat(store.claim("event", "listener", "owner", Duration.ofMinutes(1))).isEqualTo(Claim.ACQUIRED);
      assertThat(store.claim("event", "listener", "other", Duration.ofMinutes(1))).isEqualTo(Claim.IN_FLIGHT);
      assertThat(store.complete("event", "listener", "owner", Duration.ofMinutes(1))).isTrue();
      assertThat(store.claim("event", "listener", "other", Duration.ofMinutes(1))).isEqualTo(Claim.COMPLETED);
    }
  }

  @Test
  void jdbcUrlSpecOwnsItsConnectionPoolAndClosesItWithTheStore() {
    DedupStore store = DedupStores.fromSpec("jdbc:h2:mem:pool-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    assertThat(store.claim("event", "listener", "owner", Duration.ofMinutes(1))).isEqualTo(Claim.ACQUIRED);

    store.close();

    assertThatThrownBy(() -> store.claim("event", "listener", "owner", Duration.ofMinutes(1)))
        .isInstanceOf(DedupStoreException.class).hasMessageContaining("callpush-dedup");
  }

  @Test
  void jdbcUrlSpecStartsWhileTheDatabaseIsDownAndAnswersWithTheStoreError() {
    try (DedupStore store = DedupStores.fromSpec("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1")) {
      assertThatThrownBy(() -> store.claim("event", "listener", "owner", Duration.ofMinutes(1)))
          .isInstanceOf(DedupStoreException.class);
    }
  }

  @Test
  void redisSpecMakesARedisStore() {
    try (DedupStore store = DedupStores.fromSpec("redis://127.0.0.1:6379")) {
      assertThat(store).isInstanceOf(RedisDedupStore.class);
    }
  }

  @Test
  void passwordsInSpecsAreMaskedWhereverTheUrlPutsThem() {
    assertThat(DedupStores.withoutPassword("jdbc:postgresql://db/app?user=app&password=s3cret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/app?user=app&password=***&ssl=true");
    assertThat(DedupStores.withoutPassword("jdbc:sqlserver://db;user=app;PWD=s3cret;encrypt=true"))
        .isEqualTo("jdbc:sqlserver://db;user=app;PWD=***;encrypt=true");
    assertThat(DedupStores.withoutPassword("jdbc:mysql://app:s3cret@db:3306/app"))
        .isEqualTo("jdbc:mysql://app:***@db:3306/app");
    assertThat(DedupStores.withoutPassword("rediss://default:s3cret@cache:6380"))
        .isEqualTo("rediss://default:***@cache:6380");
    assertThat(DedupStores.withoutPassword("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1"))
        .isEqualTo("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1");
  }

  @Test
  void unknownSpecIsRefusedNamingIt() {
    assertThatThrownBy(() -> DedupStores.fromSpec("mongodb://x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("but was 'mongodb://x'");
    assertThatThrownBy(() -> DedupStores.fromSpec("jndi:java:comp/env/jdbc/none"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("JNDI name 'java:comp/env/jdbc/none' could not be looked up");
  }
}

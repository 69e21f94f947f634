package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.LiveThreads;
import org.junit.jupiter.api.Test;

/** {@link WebappJdbcDriverTest}'s scenario against the real PostgreSQL on 127.0.0.1:5432. */
class PostgresWebappJdbcDriverIT {

  @Test
  void jdbcSpecUsesTheWebappsDriverAndDeregistersItAtClose() throws Exception {
    LiveThreads threads = LiveThreads.snapshot();

    var seen = WebappClassLoaders.runScenario("postgresql-", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");

    assertThat(seen).containsExactly("claim ACQUIRED", "release true", "drivers while open [org.postgresql.Driver]",
        "drivers after close []");
    assertThat(threads.startedSince("callpush-", "HikariPool", "housekeeper")).isEmpty();
  }
}

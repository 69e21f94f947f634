package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.LiveThreads;
import org.junit.jupiter.api.Test;

/** A {@code jdbc:} spec finds a driver only the webapp's class loader sees; it leaves no driver or thread behind. */
class WebappJdbcDriverTest {

  @Test
  void jdbcSpecUsesTheWebappsDriverAndDeregistersItAtClose() throws Exception {
    LiveThreads threads = LiveThreads.snapshot();

    var seen = WebappClassLoaders.runScenario("h2-", "jdbc:h2:mem:webapp-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");

    assertThat(seen).containsExactly("claim ACQUIRED", "release true", "drivers while open [org.h2.Driver]",
        "drivers after close []");
    assertThat(threads.startedSince("callpush-", "HikariPool", "housekeeper")).isEmpty();
  }

  @Test
  void jdbcSpecNoDriverAcceptsIsRefusedNamingTheUrlWithoutItsPassword() {
    assertThatThrownBy(() -> DedupStores.fromSpec("jdbc:nosuchdb://db.example/app?user=app&password=hunter2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "no JDBC driver on the class path accepts jdbc:nosuchdb://db.example/app?user=app&password=***")
        .hasMessageContaining("WEB-INF/lib")
        .hasMessageNotContaining("hunter2");
  }
}

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.dedup.DedupStore;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared store's connections are cut mid-run by a proxy: the nodes answer 503 and run nothing
 * they could not claim, and once the store is back the platform's retries get every event handled
 * exactly once. Subclasses reach the real server through {@link #proxy}.
 */
abstract class StoreOutageScenarios extends SharedStoreScenarios {

  ChaosProxy proxy;

  /** The real server's port, which the store reaches through the proxy. */
  abstract int serverPort();

  /** A fresh store connected to {@code 127.0.0.1:port}. */
  abstract DedupStore newStore(int port) throws Exception;

  @Override
  final DedupStore newStore() throws Exception {
    proxy = closeAfter(new ChaosProxy(serverPort()));
    return newStore(proxy.port());
  }

  @Test
  void connectionsCutTwiceMidRunLoseNothingAndRunNothingTwice() throws Exception {
    DedupStore store = closeAfter(newStore());
    List<PushReceiver> nodes = List.of(node(store), node(store));
    List<String> events = eventIds("outage", 600);
    ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor();
    try {
      chaos.schedule(proxy::cut, 100, TimeUnit.MILLISECONDS);
      chaos.schedule(proxy::restore, 500, TimeUnit.MILLISECONDS);
      chaos.schedule(proxy::cut, 900, TimeUnit.MILLISECONDS);
      chaos.schedule(proxy::restore, 1300, TimeUnit.MILLISECONDS);

      List<Integer> statuses = deliverUntilAcked(nodes, events, 80);

      assertThat(statuses).as("the outage was seen").contains(503).doesNotContain(500);
      assertRanExactlyOnce(events);
    } finally {
      chaos.shutdownNow();
    }
  }
}

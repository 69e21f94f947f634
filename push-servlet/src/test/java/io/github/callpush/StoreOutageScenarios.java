package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.dedup.DedupStore;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shared store's connections are cut mid-run by a proxy: the nodes answer 503 and run nothing
 * they could not claim, and once the store is back the platform's retries get every event handled
 * exactly once. Subclasses reach the real server through {@link #proxy}.
 */
abstract class StoreOutageScenarios extends SharedStoreScenarios {

  private static final List<Integer> CUT_AT_REQUESTS = List.of(150, 450);

  private final AtomicInteger requests = new AtomicInteger();
  private final ScheduledExecutorService chaos = Executors.newSingleThreadScheduledExecutor();
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

  /** Cuts the store's connections at the 150th and 450th request, for 400 ms each time. */
  @Override
  PushObserver observer() {
    return new PushObserver() {
      @Override
      public void received(PushRequest request) {
        if (CUT_AT_REQUESTS.contains(requests.incrementAndGet())) {
          proxy.cut();
          chaos.schedule(proxy::restore, 400, TimeUnit.MILLISECONDS);
        }
      }
    };
  }

  @Test
  void connectionsCutTwiceMidRunLoseNothingAndRunNothingTwice() throws Exception {
    DedupStore store = closeAfter(newStore());
    List<PushReceiver> nodes = List.of(node(store), node(store));
    List<String> events = eventIds("outage", 600);
    try {
      List<Integer> statuses = deliverUntilAcked(nodes, events, 80);

      assertThat(requests).as("both cuts happened mid-run").hasValueGreaterThan(CUT_AT_REQUESTS.get(1));
      assertThat(statuses).as("the outage was seen").contains(503).doesNotContain(500);
      assertRanExactlyOnce(events);
    } finally {
      chaos.shutdownNow();
    }
  }
}

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.OutboundRing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ConcurrentDeliveryTest {

  @Test
  void thirtyTwoSimultaneousDeliveriesRunEachListenerExactlyOnce() throws Exception {
    ConcurrentHashMap<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    PushReceiver receiver = PushReceiver.builder().allowUnverified()
        .on("a", OutboundRing.class, ring -> {
          runs.computeIfAbsent("a", any -> new AtomicInteger()).incrementAndGet();
          Thread.sleep(50);
        })
        .on("b", OutboundRing.class, ring -> runs.computeIfAbsent("b", any -> new AtomicInteger()).incrementAndGet())
        .build();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try (JettyHarness jetty = JettyHarness.servlet(new PushServlet(receiver))) {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> statuses = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        statuses.add(pool.submit(() -> {
          start.await();
          return jetty.post("/push", Pushes.ring("same-event")).statusCode();
        }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Integer> status : statuses) {
        codes.add(status.get());
      }

      assertThat(codes).allMatch(code -> code == 200 || code == 503).contains(200);
      assertThat(runs.get("a")).hasValue(1);
      assertThat(runs.get("b")).hasValue(1);
    } finally {
      pool.shutdownNow();
      receiver.close();
    }
  }
}

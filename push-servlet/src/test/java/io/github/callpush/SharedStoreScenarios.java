package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.event.OutboundRing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes sharing one dedup store, as a multi-node deployment behind a load balancer: every event
 * reaches both, and each listener must still run exactly once. Subclasses supply the real store.
 */
abstract class SharedStoreScenarios {

  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private final ExecutorService platform = Executors.newFixedThreadPool(16);
  private final List<AutoCloseable> closeAfter = new ArrayList<>();

  /** A fresh, empty store shared by both nodes; called once per test. */
  abstract DedupStore newStore() throws Exception;

  @AfterEach
  void stop() throws Exception {
    platform.shutdownNow();
    for (AutoCloseable closeable : closeAfter) {
      closeable.close();
    }
  }

  PushReceiver node(DedupStore store) {
    PushReceiver receiver = PushReceiver.builder().allowUnverified()
        .dedupStore(store)
        .observer(observer())
        .lease(Duration.ofSeconds(5))
        .on("crm", OutboundRing.class, ring -> count(ring.eventId() + "/crm"))
        .on("archive", OutboundRing.class, ring -> count(ring.eventId() + "/archive"))
        .build();
    closeAfter.add(receiver);
    return receiver;
  }

  /** What the nodes report their requests to; subclasses hook faults in here. */
  PushObserver observer() {
    return new PushObserver() {};
  }

  <T extends AutoCloseable> T closeAfter(T closeable) {
    closeAfter.add(0, closeable);
    return closeable;
  }

  private void count(String key) {
    runs.computeIfAbsent(key, any -> new AtomicInteger()).incrementAndGet();
  }

  @Test
  void thousandEventsEachDeliveredToBothNodesRunEveryListenerOnce() throws Exception {
    DedupStore store = closeAfter(newStore());
    List<PushReceiver> nodes = List.of(node(store), node(store));
    List<String> events = eventIds("both", 1000);

    List<String> unacked = deliverToEveryNode(nodes, events);
    deliverUntilAcked(nodes, unacked, 50);

    assertRanExactlyOnce(events);
  }

  /** Every event to every node at once; returns the events some node did not acknowledge. */
  List<String> deliverToEveryNode(List<PushReceiver> nodes, List<String> events) throws Exception {
    List<Future<String>> answers = new ArrayList<>();
    for (String event : events) {
      for (PushReceiver node : nodes) {
        answers.add(platform.submit(() -> node.handle(push(event)).status() == 200 ? null : event));
      }
    }
    List<String> unacked = new ArrayList<>();
    for (Future<String> answer : answers) {
      String event = answer.get();
      if (event != null && !unacked.contains(event)) {
        unacked.add(event);
      }
    }
    return unacked;
  }

  /** Retries like the platform, alternating nodes, until every event is acknowledged; returns the statuses seen. */
  List<Integer> deliverUntilAcked(List<PushReceiver> nodes, List<String> events, int rounds) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    List<String> pending = new ArrayList<>(events);
    for (int round = 0; round < rounds && !pending.isEmpty(); round++) {
      PushReceiver node = nodes.get(round % nodes.size());
      List<Future<Integer>> answers = new ArrayList<>();
      for (String event : pending) {
        answers.add(platform.submit(() -> node.handle(push(event)).status()));
      }
      List<String> stillPending = new ArrayList<>();
      for (int i = 0; i < answers.size(); i++) {
        int status = answers.get(i).get();
        statuses.add(status);
        if (status != 200) {
          stillPending.add(pending.get(i));
        }
      }
      pending = stillPending;
      if (!pending.isEmpty()) {
        Thread.sleep(250);
      }
    }
    assertThat(pending).as("events never acknowledged").isEmpty();
    return statuses;
  }

  void assertRanExactlyOnce(List<String> events) {
    for (String event : events) {
      assertThat(runs.get(event + "/crm")).as(event + "/crm").hasValue(1);
      assertThat(runs.get(event + "/archive")).as(event + "/archive").hasValue(1);
    }
    assertThat(runs).hasSize(events.size() * 2);
  }

  static List<String> eventIds(String prefix, int count) {
    String run = Long.toHexString(System.nanoTime());
    List<String> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(prefix + "-" + run + "-" + i);
    }
    return ids;
  }

  static PushRequest push(String eventId) {
    return PushRequest.builder().body(Pushes.ring(eventId).getBytes(StandardCharsets.UTF_8)).build();
  }
}

package io.github.callpush.forward.rabbitmq;

import static io.github.callpush.fixtures.soak.ForwardedCopies.attempts;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DeliverCallback;
import io.github.callpush.ChaosProxy;
import io.github.callpush.PushReceiver;
import io.github.callpush.ReceivedPush;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.OncePerEvent;
import io.github.callpush.fixtures.EmbeddedReceiver;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.soak.BrokerOutages;
import io.github.callpush.fixtures.soak.ForwardedCopies;
import io.github.callpush.fixtures.simulator.DeliveryReport;
import io.github.callpush.fixtures.simulator.DeliveryReport.PushDelivery;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarding soak on the real RabbitMQ at 127.0.0.1:5672: 100,000 pushes of whole calls (seeded scenarios)
 * sent by the platform simulator round-robin to two receiver nodes that share one dedup store, each forwarding
 * through a {@link RabbitForwarder} of its own, connected through a {@link ChaosProxy}, to one exchange and a
 * durable queue of this run. 5% duplicates (the round-robin lands many on the other node), 16 at a time. Mid-run
 * the broker is stopped and started again twice ({@code rabbitmqctl stop_app} / {@code start_app}: the machine's
 * RabbitMQ, so a finally block and a shutdown hook always start it again), and the forwarders' connections are cut
 * once. Afterwards every push must be acknowledged and in the queue, copies only of pushes that failed at least
 * once (the unconfirmed publish the forwarder documents) and each under the same event key; two consumers through
 * {@link RabbitPushes} and {@link OncePerEvent} with one shared store must run their handler once per event.
 */
class RabbitForwardingSoakIT {

  /** The pushes at least (whole calls); {@code -Dcallpush.soak.forward.pushes=n} for another size. */
  private static final int PUSHES = Integer.getInteger("callpush.soak.forward.pushes", 100_000);
  private static final double DUPLICATES = 0.05;
  private static final List<Double> STOP_AFTER = List.of(0.25, 0.5);
  private static final double CUT_AFTER = 0.75;
  private static final Duration DOWN = Duration.ofSeconds(1);
  private static final Duration CUT = Duration.ofMillis(500);
  private static final Duration CONSUMED_WITHIN = Duration.ofSeconds(120);

  private final String run = "callpush-soak-" + UUID.randomUUID();
  private final List<AutoCloseable> closeAfter = new ArrayList<>();
  private final List<ChaosProxy> proxies = new ArrayList<>();
  private final Thread startAgain = new Thread(() -> rabbitmqctlQuietly("start_app"), "callpush-soak-start-app");
  private volatile boolean stopped;
  private BrokerOutages outages;

  @AfterEach
  void cleanUp() throws Exception {
    if (outages != null) {
      outages.close();
    }
    try {
      for (AutoCloseable closeable : closeAfter) {
        closeable.close();
      }
    } finally {
      if (stopped) {
        startBroker();
        Runtime.getRuntime().removeShutdownHook(startAgain);
      }
      try (Connection admin = LocalRabbitMq.factory(LocalRabbitMq.PORT).newConnection("callpush-soak-cleanup");
          Channel channel = admin.createChannel()) {
        channel.queueDelete(run);
        channel.exchangeDelete(run);
      }
    }
  }

  @Test
  void hundredThousandPushesThroughTwoNodesTwoBrokerStopsAndACutLandOnceEachAndRunOnceEach() throws Exception {
    List<Push> pushes = ForwardedCopies.wholeCalls(PUSHES);
    Map<String, Push> byEventId = pushes.stream().collect(Collectors.toMap(Push::eventId, push -> push));
    assertThat(byEventId).as("every push has an event id of its own").hasSize(pushes.size());
    try (Connection admin = LocalRabbitMq.factory(LocalRabbitMq.PORT).newConnection("callpush-soak-setup");
        Channel channel = admin.createChannel()) {
      channel.exchangeDeclare(run, "topic", true);
      channel.queueDeclare(run, true, false, false, null);
      channel.queueBind(run, run, "#");
    }
    InMemoryDedupStore store = InMemoryDedupStore.builder().maximumSize(4L * pushes.size()).build();
    outages = new BrokerOutages(pushes.size(), STOP_AFTER, DOWN, this::stopBroker,
        RabbitForwardingSoakIT::startBroker, CUT_AFTER, CUT, () -> proxies.forEach(ChaosProxy::cut),
        () -> proxies.forEach(ChaosProxy::restore));
    List<URI> nodes = List.of(node(store), node(store));

    long start = System.nanoTime();
    DeliveryReport report = ForwardedCopies.sendOver(nodes, pushes, DUPLICATES);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(outages.awaitOver(Duration.ofSeconds(60))).as("outages over").isTrue();
    for (AutoCloseable closeable : closeAfter) {
      closeable.close();
    }
    closeAfter.clear();

    OncePerEvent once = OncePerEvent.builder(store).build();
    ForwardedCopies consumed = new ForwardedCopies(once);
    int messages = consume(consumed, pushes.size());
    int duplicates = messages - consumed.keys();
    System.out.printf("RabbitMQ forwarding soak: pushes=%d sent=%d acked=%d 503s=%d noAnswer=%d 500s=%d retries=%d "
            + "messages=%d duplicates=%d (same key) outages=%d+%d cut consumerRuns=%d unacked=%d elapsed=%.1fs%n",
        pushes.size(), report.sent(), report.acked(), attempts(report, 503), attempts(report, 0),
        attempts(report, 500), report.retries(), messages, duplicates, outages.stops(),
        outages.cuts(), consumed.runs(), report.failed(), elapsed.toMillis() / 1000.0);

    assertThat(outages.stops()).as("broker stops mid-run").isEqualTo(STOP_AFTER.size());
    assertThat(outages.cuts()).as("connection cuts mid-run").isOne();
    assertThat(attempts(report, 503)).as("503s while the broker was away").isPositive();
    assertThat(report.deliveries().stream().filter(PushDelivery::duplicate).count()).as("duplicates sent")
        .isPositive();
    assertThat(report.failed()).as("pushes never acknowledged").isZero();
    assertThat(attempts(report, 500)).as("500s (a failure not to retry later)").isZero();
    consumed.assertEveryEventLandedWithOneKeyAndRanOnce(pushes, report, Set.of());
  }

  /** A receiver node on Jetty forwarding through a proxy of its own; returns its URL. */
  private URI node(InMemoryDedupStore store) throws Exception {
    ChaosProxy proxy = new ChaosProxy(LocalRabbitMq.PORT);
    proxies.add(proxy);
    RabbitForwarder forwarder = RabbitForwarder.builder(LocalRabbitMq.factory(proxy.port())).exchange(run)
        .confirmTimeout(Duration.ofSeconds(2)).build();
    PushReceiver receiver = PushReceiver.builder().allowUnverified().dedupStore(store).observer(outages)
        .lease(Duration.ofSeconds(10)).retention(Duration.ofMinutes(10))
        .onReceived("rabbitmq", forwarder).build();
    EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(receiver).start();
    closeAfter.addAll(0, List.of(server, receiver, forwarder, proxy));
    return server.url();
  }

  /**
   * Two consumers on the run's queue, each message through {@link RabbitPushes} and one shared {@link OncePerEvent}
   * as its Javadoc shows (acked when RAN or DONE_BEFORE, requeued when IN_FLIGHT), until every message is acked;
   * returns how many messages the queue held.
   */
  private int consume(ForwardedCopies consumed, int pushes) throws Exception {
    AtomicInteger acked = new AtomicInteger();
    ConnectionFactory factory = LocalRabbitMq.factory(LocalRabbitMq.PORT);
    try (Connection connection = factory.newConnection("callpush-soak-consumers")) {
      int messages;
      try (Channel channel = connection.createChannel()) {
        messages = channel.queueDeclarePassive(run).getMessageCount();
      }
      assertThat(messages).as("messages in the queue").isGreaterThanOrEqualTo(pushes);
      for (int consumer = 0; consumer < 2; consumer++) {
        Channel channel = connection.createChannel();
        channel.basicQos(256);
        DeliverCallback handle = (tag, delivery) -> {
          long deliveryTag = delivery.getEnvelope().getDeliveryTag();
          ReceivedPush push;
          try {
            push = RabbitPushes.received(delivery);
          } catch (RuntimeException unreadable) {
            consumed.undecodable(delivery.getProperties().getMessageId() + ": " + unreadable);
            channel.basicAck(deliveryTag, false);
            acked.incrementAndGet();
            return;
          }
          try {
            if (consumed.handle(push) == OncePerEvent.Result.IN_FLIGHT) {
              channel.basicNack(deliveryTag, false, true);
              return;
            }
          } catch (Exception failed) {
            channel.basicNack(deliveryTag, false, true);
            return;
          }
          consumed.copy(push);
          channel.basicAck(deliveryTag, false);
          acked.incrementAndGet();
        };
        channel.basicConsume(run, false, "callpush-soak-consumer-" + consumer, handle, tag -> { });
      }
      long until = System.nanoTime() + CONSUMED_WITHIN.toNanos();
      while (acked.get() < messages) {
        assertThat(System.nanoTime()).as("all %d messages consumed, %d so far", messages, acked.get())
            .isLessThan(until);
        Thread.sleep(100);
      }
      return messages;
    }
  }


  private void stopBroker() {
    if (!stopped) {
      Runtime.getRuntime().addShutdownHook(startAgain);
      stopped = true;
    }
    rabbitmqctl("stop_app");
  }

  private static void startBroker() {
    rabbitmqctl("start_app");
    rabbitmqctl("await_startup");
  }

  /** Runs {@code rabbitmqctl <command>} and fails with its output unless it exits 0 within 60 s. */
  private static void rabbitmqctl(String command) {
    try {
      Process process = new ProcessBuilder("rabbitmqctl", command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      boolean exited = process.waitFor(60, TimeUnit.SECONDS);
      if (!exited || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException("rabbitmqctl " + command + " failed: " + output);
      }
    } catch (IOException failed) {
      throw new IllegalStateException("rabbitmqctl " + command + " failed", failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running rabbitmqctl " + command, interrupted);
    }
  }

  private static void rabbitmqctlQuietly(String command) {
    try {
      rabbitmqctl(command);
    } catch (IllegalStateException failed) {
      System.err.println(failed.getMessage());
    }
  }
}

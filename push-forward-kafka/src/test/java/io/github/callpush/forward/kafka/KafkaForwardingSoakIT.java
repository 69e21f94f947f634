package io.github.callpush.forward.kafka;

import static io.github.callpush.fixtures.soak.ForwardedCopies.attempts;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The forwarding soak on a real single-node KRaft broker ({@link KafkaBroker}): 100,000 pushes of whole calls
 * (seeded scenarios) sent by the platform simulator round-robin to two receiver nodes that share one dedup store,
 * each forwarding through a {@link KafkaForwarder} of its own to one topic of three partitions. 5% duplicates (the
 * round-robin lands many on the other node), 16 at a time. Every client reaches the broker through a {@link ChaosProxy}
 * (advertised as the broker's address, {@link KafkaBroker#start(int, int)}). Mid-run the broker is stopped and started
 * again twice, and later the proxy cuts every connection for half a second.
 * Afterwards every push must be acknowledged and in the topic, copies only of pushes that failed at least once (the
 * unconfirmed or late-confirmed send the forwarder documents) and each under the same event key; two consumers of
 * one group through {@link KafkaPushes} and {@link OncePerEvent} with one shared store must run their handler once
 * per event, including a record sent again as the documented window would (so that there is a duplicate to
 * handle once whether or not the outages made one).
 */
class KafkaForwardingSoakIT {

  /** The pushes at least (whole calls); {@code -Dcallpush.soak.forward.pushes=n} for another size. */
  private static final int PUSHES = Integer.getInteger("callpush.soak.forward.pushes", 100_000);
  private static final double DUPLICATES = 0.05;
  private static final List<Double> STOP_AFTER = List.of(0.3, 0.6);
  private static final Duration DOWN = Duration.ofSeconds(1);
  private static final double CUT_AFTER = 0.75;
  private static final Duration CUT = Duration.ofMillis(500);
  private static final Duration CONSUMED_WITHIN = Duration.ofSeconds(120);

  private final String topic = "callpush-soak-" + Long.toHexString(System.currentTimeMillis());
  private final List<AutoCloseable> closeAfter = new ArrayList<>();
  private final AtomicLong stopMillis = new AtomicLong();
  private final AtomicLong restartMillis = new AtomicLong();
  private BrokerOutages outages;
  private KafkaBroker broker;
  private ChaosProxy proxy;

  @AfterEach
  void stop() throws Exception {
    if (outages != null) {
      outages.close();
    }
    try {
      for (AutoCloseable closeable : closeAfter) {
        closeable.close();
      }
    } finally {
      try {
        if (broker != null) {
          broker.close();
        }
      } finally {
        if (proxy != null) {
          proxy.close();
        }
      }
    }
  }

  @Test
  void hundredThousandPushesThroughTwoNodesTwoBrokerStopsAndACutLandOnceEachAndRunOnceEach() throws Exception {
    List<Push> pushes = ForwardedCopies.wholeCalls(PUSHES);
    Map<String, Push> byEventId = pushes.stream().collect(Collectors.toMap(Push::eventId, push -> push));
    assertThat(byEventId).as("every push has an event id of its own").hasSize(pushes.size());
    int port = KafkaBroker.freePort();
    proxy = new ChaosProxy(port);
    broker = KafkaBroker.start(port, proxy.port());
    broker.createTopic(topic, 3);
    InMemoryDedupStore store = InMemoryDedupStore.builder().maximumSize(4L * pushes.size()).build();
    outages = new BrokerOutages(pushes.size(), STOP_AFTER, DOWN, this::stopBroker, this::restartBroker, CUT_AFTER,
        CUT, proxy::cut, proxy::restore);
    List<URI> nodes = List.of(node(store), node(store));

    long start = System.nanoTime();
    DeliveryReport report = ForwardedCopies.sendOver(nodes, pushes, DUPLICATES);
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
    assertThat(outages.awaitOver(Duration.ofSeconds(60))).as("outages over").isTrue();
    for (AutoCloseable closeable : closeAfter) {
      closeable.close();
    }
    closeAfter.clear();
    String replayed = sendTheFirstRecordAgain();

    ForwardedCopies consumed = new ForwardedCopies(OncePerEvent.builder(store).build());
    long records = consume(consumed);
    long duplicates = records - consumed.keys();
    System.out.printf("Kafka forwarding soak: pushes=%d sent=%d acked=%d 503s=%d noAnswer=%d 500s=%d retries=%d "
            + "records=%d duplicates=%d (same key, 1 replayed) outages=%d+%d cut (stop up to %d ms, restart up to %d ms) "
            + "consumerRuns=%d unacked=%d elapsed=%.1fs%n",
        pushes.size(), report.sent(), report.acked(), attempts(report, 503), attempts(report, 0),
        attempts(report, 500), report.retries(), records, duplicates, outages.stops(), outages.cuts(),
        stopMillis.get(), restartMillis.get(), consumed.runs(), report.failed(),
        elapsed.toMillis() / 1000.0);

    assertThat(outages.stops()).as("broker stops mid-run").isEqualTo(STOP_AFTER.size());
    assertThat(outages.cuts()).as("connection cuts mid-run").isOne();
    assertThat(attempts(report, 503)).as("503s while the broker was away").isPositive();
    assertThat(report.deliveries().stream().filter(PushDelivery::duplicate).count()).as("duplicates sent")
        .isPositive();
    assertThat(report.failed()).as("pushes never acknowledged").isZero();
    assertThat(attempts(report, 500)).as("500s (a failure not to retry later)").isZero();
    assertThat(duplicates).as("copies in the topic, the replayed one at least").isPositive();
    consumed.assertEveryEventLandedWithOneKeyAndRanOnce(pushes, report, Set.of(replayed));
  }

  private void stopBroker() throws Exception {
    long begin = System.nanoTime();
    broker.stop();
    stopMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin), Math::max);
  }

  private void restartBroker() throws Exception {
    broker.restart();
    restartMillis.accumulateAndGet(broker.lastStart().toMillis(), Math::max);
  }

  /** A receiver node on Jetty forwarding to the topic; returns its URL. */
  private URI node(InMemoryDedupStore store) throws Exception {
    KafkaForwarder forwarder = KafkaForwarder.builder(topic).bootstrapServers(broker.bootstrapServers())
        .deadline(Duration.ofSeconds(2)).build();
    PushReceiver receiver = PushReceiver.builder().allowUnverified().dedupStore(store).observer(outages)
        .lease(Duration.ofSeconds(10)).retention(Duration.ofMinutes(10))
        .onReceived("kafka", forwarder).build();
    EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(receiver).start();
    closeAfter.addAll(0, List.of(server, receiver, forwarder));
    return server.url();
  }

  /**
   * Sends the topic's first record again, as it is, as a node that died after Kafka's confirm and before it completed
   * its claim would have it sent again on the platform's retry (the documented window); returns its event id.
   */
  private String sendTheFirstRecordAgain() throws Exception {
    ConsumerRecord<byte[], byte[]> first = null;
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(topic + "-replay")) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (first == null) {
        assertThat(System.nanoTime()).as("a first record in " + partition).isLessThan(until);
        ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
        first = polled.isEmpty() ? null : polled.iterator().next();
      }
    }
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.CLIENT_ID_CONFIG, "callpush-soak-replay"),
        new ByteArraySerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, first.partition(), first.key(), first.value(), first.headers()))
          .get(30, TimeUnit.SECONDS);
    }
    return KafkaPushes.received(first).event().eventId();
  }

  /**
   * Two consumers of one group on the topic, each record through {@link KafkaPushes} and one shared
   * {@link OncePerEvent} as its Javadoc shows (but committing once per poll), until every record up to the end
   * offsets was handled or found handled before; copies count distinct offsets, not redeliveries. Returns how many
   * records the topic held.
   */
  private long consume(ForwardedCopies consumed) throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    long records;
    String group = topic + "-consumers";
    try (KafkaConsumer<byte[], byte[]> counter = consumer(group)) {
      List<TopicPartition> partitions = counter.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      records = counter.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
          .mapToLong(Long::longValue).sum();
    }
    AtomicLong done = new AtomicLong();
    ExecutorService consumers = Executors.newFixedThreadPool(2, task -> new Thread(task, "callpush-soak-consumer"));
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        running.add(consumers.submit(() -> {
          try (KafkaConsumer<byte[], byte[]> consumer = consumer(group)) {
            consumer.subscribe(List.of(topic));
            long until = System.nanoTime() + CONSUMED_WITHIN.toNanos();
            while (done.get() < records) {
              assertThat(System.nanoTime()).as("all %d records consumed, %d so far", records, done.get())
                  .isLessThan(until);
              ConsumerRecords<byte[], byte[]> polled = consumer.poll(Duration.ofMillis(200));
              Map<TopicPartition, OffsetAndMetadata> handled = new HashMap<>();
              for (TopicPartition partition : polled.partitions()) {
                for (ConsumerRecord<byte[], byte[]> record : polled.records(partition)) {
                  ReceivedPush push;
                  try {
                    push = KafkaPushes.received(record);
                  } catch (RuntimeException unreadable) {
                    consumed.undecodable(record.partition() + "@" + record.offset() + ": " + unreadable);
                    handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    continue;
                  }
                  if (consumed.handle(push) == OncePerEvent.Result.IN_FLIGHT) {
                    consumer.seek(partition, record.offset());
                    break;
                  }
                  handled.put(partition, new OffsetAndMetadata(record.offset() + 1));
                  if (seen.add(record.partition() + "@" + record.offset())) {
                    done.incrementAndGet();
                    consumed.copy(push);
                  }
                }
              }
              if (!handled.isEmpty()) {
                consumer.commitSync(handled);
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> consumer : running) {
        consumer.get(CONSUMED_WITHIN.toSeconds() + 30, TimeUnit.SECONDS);
      }
    } finally {
      consumers.shutdownNow();
    }
    return records;
  }

  private KafkaConsumer<byte[], byte[]> consumer(String group) {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, group,
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.CLIENT_ID_CONFIG, "callpush-soak-consumer"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}

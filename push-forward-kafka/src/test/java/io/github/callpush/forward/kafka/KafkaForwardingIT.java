package io.github.callpush.forward.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.PushExchange;
import io.github.callpush.PushObserver;
import io.github.callpush.PushReceiver;
import io.github.callpush.ReceivedPush;
import io.github.callpush.RetryLaterException;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.OncePerEvent;
import io.github.callpush.fixtures.EmbeddedReceiver;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import io.github.callpush.fixtures.Samples;
import io.github.callpush.fixtures.Scenarios;
import io.github.callpush.fixtures.simulator.DeliveryReport;
import io.github.callpush.fixtures.simulator.PlatformSimulator;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.PushForwarders;
import io.github.callpush.forward.PushHeaders;
import io.github.callpush.verify.TokenVerifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The forwarder against a real single-node KRaft broker started once for the class: pushes over HTTP land once
 * each as sent, a broker down answers 503 within the deadline and the platform's retry lands every push (a record
 * the producer had buffered may land too once the broker is back: a copy as sent), a
 * consumer runs its handler once per event, and close() leaves no thread behind.
 */
class KafkaForwardingIT {

  private static final String TOKEN = "t0k-kafka";
  private static final Duration MARGIN = Duration.ofMillis(1500);
  private static KafkaBroker broker;

  @BeforeAll
  static void startBroker() throws Exception {
    long begin = System.nanoTime();
    broker = KafkaBroker.start();
    System.out.println("kafka broker formatted and started in "
        + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms, of which the start "
        + broker.lastStart().toMillis() + " ms");
  }

  @AfterAll
  static void stopBroker() throws Exception {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void pushesAcknowledgedLandOnceEachAsReceivedAndDuplicatesPublishNothingMore(TestInfo test) throws Exception {
    String topic = topic(test, 3);
    List<Push> call = Scenarios.seeded(17).named(Scenarios.OUTBOUND_ANSWERED).pushes();
    Push cdr = Samples.named("cdr").push();
    Push login = Samples.named("login").push();
    Push gbkRing = Samples.named("incoming-ring").push().encodedIn(Charset.forName("GBK"));
    Push legacyHangup = Pushes.callSheetHangup().build();
    List<Push> pushes = new ArrayList<>(call);
    pushes.addAll(List.of(cdr, login, gbkRing, legacyHangup));

    try (KafkaForwarder forwarder = forwarder(topic, KafkaForwarder.DEFAULT_DEADLINE);
        PushReceiver receiver = receiver(forwarder, new CopyOnWriteArrayList<>());
        EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(receiver).start();
        PlatformSimulator platform = PlatformSimulator.builder().url(server.url()).token(TOKEN).retries(0)
            .build()) {
      Instant before = Instant.now();
      DeliveryReport first = platform.send(pushes);
      Instant after = Instant.now();
      List<ConsumerRecord<byte[], byte[]>> records = readAll(topic);

      assertThat(first.allAcked()).as(first.summary()).isTrue();
      assertThat(records).hasSize(pushes.size());
      Map<String, ConsumerRecord<byte[], byte[]>> byEventId = new HashMap<>();
      for (ConsumerRecord<byte[], byte[]> record : records) {
        ReceivedPush received = KafkaPushes.received(record);
        assertThat(byEventId.put(received.event().eventId(), record)).as("one record per event").isNull();
        assertThat(received.receivedAt()).isBetween(before, after);
        assertThat(header(record, PushHeaders.PUSH_TYPE)).isEqualTo(received.event().pushType()).isNotNull();
        assertThat(header(record, PushHeaders.ACCOUNT_ID)).isEqualTo(received.event().accountId()).isNotNull();
        assertThat(header(record, PushHeaders.CALL_ID)).isEqualTo(received.event().callId());
        String expectedKey = received.event().callId() != null ? received.event().callId() : received.eventKey();
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(expectedKey);
      }
      assertThat(byEventId.keySet()).containsExactlyInAnyOrderElementsOf(
          pushes.stream().map(Push::eventId).toList());
      for (Push push : List.of(call.get(0), cdr, login, gbkRing)) {
        ConsumerRecord<byte[], byte[]> record = byEventId.get(push.eventId());
        assertThat(record.value()).as(push.label()).isEqualTo(push.body());
        // Jetty gives the charset in lower case
        assertThat(header(record, PushHeaders.CONTENT_TYPE)).isEqualToIgnoringCase(push.contentType());
      }
      assertThat(gbkRing.body()).isNotEqualTo(Samples.named("incoming-ring").push().body());
      assertThat(header(byEventId.get(login.eventId()), PushHeaders.CALL_ID)).isNull();
      ConsumerRecord<byte[], byte[]> legacy = byEventId.get(legacyHangup.eventId());
      assertThat(header(legacy, PushHeaders.CONTENT_TYPE)).isEqualTo("application/x-www-form-urlencoded");
      assertThat(new String(legacy.value(), StandardCharsets.UTF_8)).contains("CallSheetID=").doesNotContain(TOKEN);
      assertThat(PushDecoder.defaults().decode(legacy.value(), "application/x-www-form-urlencoded").eventId())
          .isEqualTo(legacyHangup.eventId());
      // one call's events in one partition, in the order sent
      List<ConsumerRecord<byte[], byte[]>> ofCall = call.stream().map(push -> byEventId.get(push.eventId())).toList();
      assertThat(ofCall).extracting(ConsumerRecord::partition).containsOnly(ofCall.get(0).partition());
      assertThat(ofCall).extracting(ConsumerRecord::offset).isSorted();

      DeliveryReport again = platform.send(pushes);

      assertThat(again.allAcked()).as(again.summary()).isTrue();
      assertThat(readAll(topic)).hasSize(pushes.size());
    }
  }

  @Test
  void aBrokerDownAnswers503WithinTheDeadlineAndThePlatformsRetryLandsEveryPush(TestInfo test)
      throws Exception {
    String topic = topic(test, 3);
    Duration deadline = Duration.ofSeconds(2);
    List<Push> pushes = Scenarios.seeded(23).named(Scenarios.INBOUND_ANSWERED).pushes();
    List<PushExchange> answered = new CopyOnWriteArrayList<>();

    try (KafkaForwarder forwarder = forwarder(topic, deadline);
        PushReceiver receiver = receiver(forwarder, answered);
        EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(receiver).start();
        PlatformSimulator platform = PlatformSimulator.builder().url(server.url()).token(TOKEN).retries(6)
            .backoff(Duration.ofMillis(500)).concurrency(pushes.size()).build()) {
      forwarder.onPush(received(Samples.named("cdr").push(), "warm-up")); // the producer knows the topic
      long stopping = System.nanoTime();
      broker.stop();
      Duration stopped = Duration.ofNanos(System.nanoTime() - stopping);

      CompletableFuture<DeliveryReport> delivered = CompletableFuture.supplyAsync(() -> platform.send(pushes));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (answered.stream().filter(exchange -> exchange.response().status() == 503).count() < pushes.size()) {
        assertThat(System.nanoTime()).as("every push answered 503 while the broker is down").isLessThan(until);
        Thread.sleep(50);
      }
      broker.restart();
      DeliveryReport report = delivered.get(60, TimeUnit.SECONDS);

      assertThat(report.allAcked()).as(report.summary()).isTrue();
      for (DeliveryReport.PushDelivery delivery : report.deliveries()) {
        DeliveryReport.Attempt firstAttempt = delivery.attempts().get(0);
        assertThat(firstAttempt.status()).isEqualTo(503);
        assertThat(firstAttempt.took()).isLessThan(deadline.plus(MARGIN));
      }
      List<ConsumerRecord<byte[], byte[]>> records = readAll(topic);
      Map<String, List<ConsumerRecord<byte[], byte[]>>> byEvent = records.stream()
          .collect(Collectors.groupingBy(record -> KafkaPushes.received(record).event().eventId()));
      assertThat(byEvent.keySet()).containsExactlyInAnyOrderElementsOf(
          java.util.stream.Stream.concat(pushes.stream().map(Push::eventId),
              java.util.stream.Stream.of(Samples.named("cdr").push().eventId())).toList());
      // a push answered 503 may still land twice: once the broker is back, the producer can send a record it had
      // buffered before giving it up at the deadline (KafkaForwarder's documented window); a copy is as sent
      byEvent.forEach((event, copies) -> assertThat(copies).as("the copies of %s", event).allSatisfy(copy -> {
        assertThat(copy.key()).isEqualTo(copies.get(0).key());
        assertThat(copy.value()).isEqualTo(copies.get(0).value());
      }));
      System.out.println("outage: " + report.summary() + ", records " + records.size() + " (copies "
          + (records.size() - byEvent.size()) + "), broker stopped in " + stopped.toMillis() + " ms, restarted in "
          + broker.lastStart().toMillis() + " ms");
    }
  }

  @Test
  void anUnknownTopicFailsThePushWithinTheDeadlineSayingSo() {
    Duration deadline = Duration.ofSeconds(1);
    try (KafkaForwarder forwarder = forwarder("pushes-nowhere", deadline)) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> forwarder.onPush(received(Samples.named("cdr").push(), "unroutable")))
          .isInstanceOf(RetryLaterException.class)
          .hasMessageStartingWith("Kafka failed event unroutable on topic pushes-nowhere: TimeoutException: ")
          .hasMessageContaining("not present in metadata");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(deadline, deadline.plus(MARGIN));
    }
  }

  @Test
  void aConsumerRunsItsHandlerOncePerEventThroughSeeksAndRedeliveries(TestInfo test) throws Exception {
    String topic = topic(test, 1);
    ReceivedPush cdr = received(Samples.named("cdr").push(), "event-cdr");
    ReceivedPush login = received(Samples.named("login").push(), "event-login");
    try (KafkaForwarder forwarder = forwarder(topic, KafkaForwarder.DEFAULT_DEADLINE)) {
      forwarder.onPush(cdr);
      forwarder.onPush(login);
    }
    InMemoryDedupStore store = InMemoryDedupStore.builder().build();
    OncePerEvent once = OncePerEvent.builder(store).build();
    Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
    // another consumer holds the first event
    assertThat(store.claim("event-cdr", "billing", "other-consumer", Duration.ofMinutes(1))).isEqualTo(Claim.ACQUIRED);

    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));

      List<OncePerEvent.Result> held = consumeOnce(consumer, once, handled);
      assertThat(held).containsExactly(OncePerEvent.Result.IN_FLIGHT);
      assertThat(consumer.position(partition)).isZero();

      store.release("event-cdr", "billing", "other-consumer");
      assertThat(consumeOnce(consumer, once, handled))
          .containsExactly(OncePerEvent.Result.RAN, OncePerEvent.Result.RAN);
      consumer.seekToBeginning(List.of(partition)); // redelivered: a rebalance, a restart before the commit
      assertThat(consumeOnce(consumer, once, handled))
          .containsExactly(OncePerEvent.Result.DONE_BEFORE, OncePerEvent.Result.DONE_BEFORE);

      assertThat(handled).containsOnlyKeys("event-cdr", "event-login");
      assertThat(handled.values()).extracting(AtomicInteger::get).containsOnly(1);
      assertThat(consumer.committed(Set.of(partition)).get(partition).offset()).isEqualTo(2);
    }
  }

  @Test
  void closeEndsEveryThreadOfTheForwarder(TestInfo test) throws Exception {
    String topic = topic(test, 1);
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    // as the forward setting opens it
    PushForwarder forwarder = PushForwarders.fromSpec("kafka://" + broker.bootstrapServers() + "/" + topic);
    forwarder.onPush(received(Samples.named("cdr").push(), "close-1"));
    // the producer's only thread, named by Kafka after our client.id
    assertThat(threadNames(before)).singleElement().asString()
        .matches(Pattern.quote("kafka-producer-network-thread | callpush-forwarder-" + topic + "-") + "\\d+");

    forwarder.close();

    assertThat(threadNames(before)).isEmpty();
  }

  /** One poll, handled as {@link KafkaPushes}'s Javadoc shows: the results in the order of the records. */
  private static List<OncePerEvent.Result> consumeOnce(KafkaConsumer<byte[], byte[]> consumer, OncePerEvent once,
      Map<String, AtomicInteger> handled) throws Exception {
    List<OncePerEvent.Result> results = new ArrayList<>();
    ConsumerRecords<byte[], byte[]> records = ConsumerRecords.empty();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (records.isEmpty() && System.nanoTime() < until) {
      records = consumer.poll(Duration.ofMillis(500));
    }
    for (TopicPartition partition : records.partitions()) {
      for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
        ReceivedPush push = KafkaPushes.received(record);
        OncePerEvent.Result result = once.run(push.eventKey(), "billing",
            () -> handled.computeIfAbsent(push.eventKey(), key -> new AtomicInteger()).incrementAndGet());
        results.add(result);
        if (result == OncePerEvent.Result.IN_FLIGHT) {
          consumer.seek(partition, record.offset());
          break;
        }
        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
      }
    }
    return results;
  }

  private static String topic(TestInfo test, int partitions) throws Exception {
    String topic = "pushes-" + test.getTestMethod().orElseThrow().getName().substring(0, 12);
    broker.createTopic(topic, partitions);
    return topic;
  }

  private static KafkaForwarder forwarder(String topic, Duration deadline) {
    return KafkaForwarder.builder(topic).bootstrapServers(broker.bootstrapServers()).deadline(deadline).build();
  }

  private static PushReceiver receiver(KafkaForwarder forwarder, List<PushExchange> answered) {
    return PushReceiver.builder().verifier(TokenVerifier.builder().token(TOKEN).build())
        .observer(new PushObserver() {
          @Override
          public void answered(PushExchange exchange) {
            answered.add(exchange);
          }
        })
        .onReceived("kafka", forwarder).build();
  }

  private static ReceivedPush received(Push push, String eventKey) {
    Instant now = Instant.now();
    return new ReceivedPush(PushDecoder.defaults().decode(push.body(), push.contentType(), now), eventKey,
        push.body(), push.contentType(), now);
  }

  /** Every record of {@code topic}, read from the beginning to the end offsets. */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
          .map(info -> new TopicPartition(topic, info.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
        assertThat(System.nanoTime()).as("read to the end offsets " + ends).isLessThan(until);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "callpush-test-" + System.nanoTime(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "callpush-test-consumer"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    var header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  /** The names of the threads alive now that were not in {@code before}. */
  private static Set<String> threadNames(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream().filter(thread -> !before.contains(thread))
        .filter(Thread::isAlive).map(Thread::getName).collect(Collectors.toSet());
  }
}

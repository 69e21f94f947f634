package io.github.callpush.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.forward.PushHeaders;
import io.github.callpush.forward.kafka.KafkaBroker;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged application (push-forward-kafka and kafka-clients in its jar, at this Boot's Kafka version)
 * forwarding to a real KRaft broker started once for the class ({@link KafkaBroker}), configured by
 * {@code callpush.forward.url} or by {@code callpush.forward.broker} with Boot's {@code spring.kafka.*}: a push lands
 * once, as sent, keyed by its call; while the broker is down the platform is told to retry, and the push lands
 * when pushed again once the broker is back. The apps that must publish once wait for the broker's confirm as long
 * as a start may take ({@code deadline.ms}, in the URL or, with {@code callpush.forward.broker}, in
 * {@code spring.kafka.producer.properties}), not the default 5 s: the first send of an app fetches the topic's
 * metadata from a broker just started, on a busy machine, and a push that landed after its deadline would land
 * again when pushed again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForwardingToKafkaAppIT {

  private static final String TOKEN = "s3cret-" + UUID.randomUUID();
  /** The call (its callUniqueId, the decoded event's call id) and the account of the call record sample. */
  private static final String CALL_ID = "403344537650466816";
  private static final String ACCOUNT_ID = "2100147";

  private KafkaBroker broker;

  @BeforeAll
  void startBroker() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "callpush.forward.url | --callpush.forward.url=kafka://BOOTSTRAP/TOPIC?deadline.ms=DEADLINE",
      "callpush.forward.broker with spring.kafka.* | --callpush.forward.broker=kafka --callpush.forward.topic=TOPIC"
          + " --spring.kafka.bootstrap-servers=BOOTSTRAP --callpush.forward.deadline=DEADLINEms"})
  void aPushLandsOnceInTheTopicAsSentKeyedByItsCall(String configuredBy, String settings) throws Exception {
    String topic = "callpush-app-it-" + UUID.randomUUID();
    broker.createTopic(topic, 1);
    String eventId = "cdr-" + UUID.randomUUID();
    byte[] cdr = AppProcess.callRecord(eventId).getBytes(StandardCharsets.UTF_8);
    String[] arguments = ("--callpush.verification.tokens=" + TOKEN + " "
        + settings.replace("BOOTSTRAP", broker.bootstrapServers()).replace("TOPIC", topic)
        .replace("DEADLINE", Long.toString(AppProcess.PATIENCE.toMillis()))).split(" ");
    try (AppProcess app = AppProcess.start(arguments)) {
      app.awaitStarted();

      HttpResponse<String> first = app.push(cdr, TOKEN);
      assertThat(first.statusCode()).as(() -> first.body() + "; the app said:\n" + app.output()).isEqualTo(200);
      assertThat(app.push(cdr, TOKEN).statusCode()).as("duplicate").isEqualTo(200);

      List<ConsumerRecord<byte[], byte[]>> records = records(topic);
      assertThat(records).as("the forwarded push, its duplicate publishing nothing; the app said:%n%s", app.output())
          .hasSize(1);
      ConsumerRecord<byte[], byte[]> record = records.get(0);
      assertThat(record.value()).isEqualTo(cdr);
      assertThat(record.key()).isEqualTo(CALL_ID.getBytes(StandardCharsets.UTF_8));
      Map<String, String> headers = headers(record);
      assertThat(headers).containsEntry(PushHeaders.EVENT_KEY, "id:" + ACCOUNT_ID.length() + ":" + ACCOUNT_ID + ":"
              + eventId)
          .containsEntry(PushHeaders.PUSH_TYPE, "cdr").containsEntry(PushHeaders.ACCOUNT_ID, ACCOUNT_ID)
          .containsEntry(PushHeaders.CALL_ID, CALL_ID).containsEntry(PushHeaders.CONTENT_TYPE, "application/json")
          .containsOnlyKeys(PushHeaders.EVENT_KEY, PushHeaders.PUSH_TYPE, PushHeaders.ACCOUNT_ID, PushHeaders.CALL_ID,
              PushHeaders.RECEIVED_AT, PushHeaders.CONTENT_TYPE);
      assertThat(Instant.parse(headers.get(PushHeaders.RECEIVED_AT))).isBefore(Instant.now());
      assertThat(app.output()).contains("callpush endpoint /hooks/callpush: ").doesNotContain(TOKEN);
    }
  }

  @Test
  void aPushWhileTheBrokerIsDownIsAnswered503WithRetryAfterAndLandsWhenPushedAgainOnceItIsBack() throws Exception {
    String topic = "callpush-app-it-" + UUID.randomUUID();
    broker.createTopic(topic, 1);
    byte[] before = AppProcess.callRecord("cdr-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    byte[] during = AppProcess.callRecord("cdr-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    try (AppProcess app = AppProcess.start("--callpush.verification.tokens=" + TOKEN,
        "--callpush.forward.url=kafka://" + broker.bootstrapServers() + "/" + topic + "?deadline.ms=2000")) {
      app.awaitStarted();
      pushUntilAcknowledged(app, before);

      HttpResponse<String> refused;
      broker.stop();
      try {
        refused = app.push(during, TOKEN);
      } finally {
        broker.restart();
      }
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).as("Retry-After").isPresent();
      HttpResponse<String> down = app.get("/actuator/health/callpush");
      assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
      assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"lastFailed\":\"20", "Kafka");

      pushUntilAcknowledged(app, during);
      HttpResponse<String> up = app.get("/actuator/health/callpush");
      assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
      assertThat(up.body()).contains("\"status\":\"UP\"", "\"lastConfirmed\":\"20");
      assertThat(records(topic)).extracting(ConsumerRecord::value).as("the push pushed again once the broker is back")
          .anySatisfy(value -> assertThat(value).isEqualTo(during));
    }
  }

  /**
   * Pushes {@code body} again while it is answered 503, as the platform does (the deadline here is 2 s, and a
   * producer just started or just reconnected may miss it on a busy machine); fails on any other answer.
   */
  private static void pushUntilAcknowledged(AppProcess app, byte[] body) throws Exception {
    long deadline = System.nanoTime() + AppProcess.PATIENCE.toNanos();
    HttpResponse<String> answer = app.push(body, TOKEN);
    while (answer.statusCode() == 503 && System.nanoTime() < deadline) {
      Thread.sleep(200);
      answer = app.push(body, TOKEN);
    }
    HttpResponse<String> last = answer;
    assertThat(last.statusCode()).as(() -> last.body() + "; the app said:\n" + app.output()).isEqualTo(200);
  }

  /** Every record in {@code topic} (one partition), read to its end offset. */
  private List<ConsumerRecord<byte[], byte[]>> records(String topic) {
    TopicPartition partition = new TopicPartition(topic, 0);
    List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.<String, Object>of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "callpush-app-it-reader"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition)).get(partition);
      long deadline = System.nanoTime() + AppProcess.PATIENCE.toNanos();
      while (consumer.position(partition) < end) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("records of " + topic + " not read to offset " + end + "\n" + broker.logTail());
        }
        records.addAll(consumer.poll(Duration.ofMillis(500)).records(partition));
      }
    }
    return records;
  }

  private static Map<String, String> headers(ConsumerRecord<byte[], byte[]> record) {
    Map<String, String> headers = new LinkedHashMap<>();
    for (Header header : record.headers()) {
      headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }
}

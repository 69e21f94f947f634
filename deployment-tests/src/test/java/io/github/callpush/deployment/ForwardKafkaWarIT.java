package io.github.callpush.deployment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.callpush.ReceivedPush;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import io.github.callpush.fixtures.Samples;
import io.github.callpush.fixtures.simulator.DeliveryReport;
import io.github.callpush.fixtures.simulator.PlatformSimulator;
import io.github.callpush.forward.PushHeaders;
import io.github.callpush.forward.kafka.KafkaBroker;
import io.github.callpush.forward.kafka.KafkaPushes;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A WAR forwarding to a real Kafka broker (push-forward-kafka's {@link KafkaBroker}, one for the class): web.xml's
 * {@code forward=kafka://...} init-param with push-forward-kafka, kafka-clients and its compression libraries in
 * {@code WEB-INF/lib}, as the README tells web.xml users; the broker down and back; the undeploy leaving no
 * producer thread nor Kafka MBean; and a producer setting Kafka refuses, which keeps the webapp from starting.
 */
@ParameterizedClass
@EnumSource // Tomcat 9 with push-servlet-javax, 10.1 and 11 with push-servlet; the forwarding module serves both
class ForwardKafkaWarIT extends OnTomcat {

  private static final String NAME = "forward-kafka";
  /** How Kafka names its producer's thread, followed by {@code | <client.id>}. */
  private static final String PRODUCER_THREAD = "kafka-producer-network-thread";
  /** The MBeans a producer registers (app-info and its metrics) while it is open. */
  private static final String PRODUCER_MBEANS = "kafka.producer:*";

  private static KafkaBroker broker;

  private final String topic = "callpush-war-it-" + UUID.randomUUID();

  @BeforeAll
  static void startBroker() throws Exception {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  private String forward(String query) {
    return "kafka://" + broker.bootstrapServers() + "/" + topic + (query.isEmpty() ? "" : "?" + query);
  }

  @Test
  void pushesLandOnceInTheTopicAsReceivedAndUndeployLeavesNoProducerThreadNorMBean() throws Exception {
    broker.createTopic(topic, 3);
    Webapp webapp = webapp(NAME).initParam("token", TOKEN).initParam("forward", forward("")).libraries(NAME).build();
    List<Push> pushes = List.of(Samples.named("cdr").push(),
        Samples.named("login").push().encodedIn(Charset.forName("GBK")), Pushes.callRecord().answered(42).build());
    List<ConsumerRecord<byte[], byte[]>> records;
    deployStarted(webapp);
    try (PlatformSimulator platform = PlatformSimulator.builder().url(tomcat.uri(webapp.pushPath())).token(TOKEN)
        .retries(0).timeout(Duration.ofSeconds(10)).build()) {
      DeliveryReport first = platform.send(pushes);
      assertThat(first.allAcked()).as("first deliveries: %s", first.summary()).isTrue();
      records = readAll(topic);
      DeliveryReport again = platform.send(pushes);
      assertThat(again.allAcked()).as("duplicates: %s", again.summary()).isTrue();
      // each 200 came after the broker's confirm, so a duplicate that published would be in the topic by now
      assertThat(readAll(topic)).as("records after the duplicates").hasSameSizeAs(records);
      assertThat(webapp.handledEvents()).containsExactlyElementsOf(pushes.stream().map(Push::eventId).toList());
      assertThat(tomcat.threadDump()).as("the producer's thread while deployed")
          .contains(PRODUCER_THREAD + " | callpush-forwarder-" + topic);
      assertThat(producerMBeans()).as("the producer's MBeans while deployed").isNotEmpty();
    } finally {
      assertThat(tomcat.undeploy(webapp.contextPath())).startsWith("OK");
    }

    assertRecordsAreThePushes(records, pushes);
    assertThat(tomcat.threadDump()).as("threads left after the undeploy").doesNotContain(PRODUCER_THREAD);
    assertThat(producerMBeans()).as("Kafka MBeans left after the undeploy").isEmpty();
    assertThat(tomcat.leakWarnings(NAME)).as("Tomcat's warnings about what %s left", NAME).isEmpty();
    assertThat(tomcat.findLeaks()).as("stopped webapps still holding their class loader")
        .doesNotContain(webapp.contextPath());
  }

  @Test
  void aBrokerDownIsAnswered503WithTheWebappUpAndThePlatformsRetryLandsThePushOnce() throws Exception {
    // a broker restart costs about 10 s: on Tomcat 9 only, whose push-servlet-javax the Kafka module's own
    // outage test (push-servlet on Jetty) does not cover; the forwarder's jar is the same on all three
    assumeTrue(distribution == TomcatDistribution.TOMCAT_9, "the broker outage runs on Tomcat 9 only");
    broker.createTopic(topic, 1);
    Webapp webapp = webapp(NAME).initParam("token", TOKEN).initParam("forward", forward("deadline.ms=2000"))
        .libraries(NAME).build();
    Push warmUp = Samples.named("cdr").push();
    Push push = Pushes.callRecord().answered(7).build();
    boolean down = false;
    deployStarted(webapp);
    try (PlatformSimulator platform = PlatformSimulator.builder().url(tomcat.uri(webapp.pushPath())).token(TOKEN)
        .retries(3).backoff(Duration.ofMillis(500)).timeout(Duration.ofSeconds(10)).build()) {
      assertThat(platform.send(warmUp).allAcked()).as("a push while the broker is up").isTrue();
      broker.stop();
      down = true;

      HttpResponse<String> refused = post(webapp.pushPath() + "?token=" + TOKEN, push.body());
      assertThat(refused.statusCode()).as("answer while the broker is down: %s", refused.body()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(tomcat.state(webapp.contextPath())).isEqualTo("running");

      broker.restart();
      down = false;
      DeliveryReport retried = platform.send(push);
      assertThat(retried.allAcked()).as("the platform's retry: %s", retried.summary()).isTrue();
      List<ConsumerRecord<byte[], byte[]>> records = readAll(topic);
      // the push answered 503 may land twice: once the broker is back, the producer can send the record it had
      // buffered before giving it up at the deadline (KafkaForwarder's documented window); a copy is as sent
      assertThat(records.stream().map(record -> KafkaPushes.received(record).event().eventId()).distinct())
          .as("the topic's events (broker restarted in %s ms)", broker.lastStart().toMillis())
          .containsExactly(warmUp.eventId(), push.eventId());
      assertThat(records.subList(1, records.size()))
          .allSatisfy(copy -> assertThat(copy.value()).isEqualTo(push.body()));
    } finally {
      if (down) {
        broker.restart();
      }
      assertThat(tomcat.undeploy(webapp.contextPath())).startsWith("OK");
    }
  }

  @Test
  void aMisspeltProducerSettingStopsTheWebappAndTheLogNamesItNeverTheSaslSecret() throws Exception {
    String secret = "sasl-secret-" + UUID.randomUUID();
    assertForwardRefused(webapp("forward-kafka-typo").initParam("token", TOKEN)
        .initParam("forward", forward(sasl(secret, ";") + "&lingerms=0")).libraries(NAME),
        "'lingerms' is not a Kafka producer setting (linger.ms?)", secret);
  }

  @Test
  void aSaslConfigKafkaCannotParseStopsTheWebappAndItsSecretIsNeverLogged() throws Exception {
    String secret = "sasl-secret-" + UUID.randomUUID();
    assertForwardRefused(webapp("forward-kafka-jaas").initParam("token", TOKEN)
        .initParam("forward", forward(sasl(secret, ""))).libraries(NAME),
        "Kafka refuses the settings: Failed to construct kafka producer: IllegalArgumentException: JAAS config entry"
            + " not terminated by semi-colon", secret);
  }

  /** SASL/PLAIN settings with {@code password} in the JAAS config, which ends with {@code end} (a {@code ;}). */
  private static String sasl(String password, String end) {
    String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"callpush\" password=\""
        + password + "\"" + end;
    return "security.protocol=SASL_PLAINTEXT&sasl.mechanism=PLAIN&sasl.jaas.config=" + URLEncoder.encode(jaas, UTF_8);
  }

  /** The MBeans of producers of this test's topic registered in Tomcat's JVM. */
  private List<String> producerMBeans() throws Exception {
    return tomcat.mbeanNames(PRODUCER_MBEANS).stream().filter(name -> name.contains(topic)).toList();
  }

  /** One record per push, value its bytes as sent, key and headers those of the push received. */
  private static void assertRecordsAreThePushes(List<ConsumerRecord<byte[], byte[]>> records, List<Push> pushes) {
    Map<String, ConsumerRecord<byte[], byte[]>> byEventId = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> record : records) {
      ReceivedPush received = KafkaPushes.received(record);
      assertThat(byEventId.put(received.event().eventId(), record)).as("one record per event").isNull();
      String key = received.event().callId() != null ? received.event().callId() : received.eventKey();
      assertThat(new String(record.key(), UTF_8)).isEqualTo(key);
      assertThat(header(record, PushHeaders.PUSH_TYPE)).isEqualTo(received.event().pushType()).isNotNull();
      assertThat(header(record, PushHeaders.CALL_ID)).isEqualTo(received.event().callId());
    }
    assertThat(byEventId.keySet()).containsExactlyInAnyOrderElementsOf(pushes.stream().map(Push::eventId).toList());
    for (Push push : pushes) {
      ConsumerRecord<byte[], byte[]> record = byEventId.get(push.eventId());
      assertThat(record.value()).as("%s's value", push.label()).isEqualTo(push.body());
      assertThat(normalized(header(record, PushHeaders.CONTENT_TYPE))).as("%s's content type", push.label())
          .isEqualTo(normalized(push.contentType()));
    }
  }

  /**
   * Every record of {@code topic}: as many as its partitions hold now (the forwarder's producer is idempotent and
   * not transactional, so each offset is one record), read by a consumer of no group from the first offsets.
   */
  private static List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.CLIENT_ID_CONFIG, "callpush-war-it-reader",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = new ArrayList<>();
      consumer.partitionsFor(topic, Duration.ofSeconds(10))
          .forEach(partition -> partitions.add(new TopicPartition(topic, partition.partition())));
      consumer.assign(partitions);
      long held = 0;
      for (Map.Entry<TopicPartition, Long> end : consumer.endOffsets(partitions, Duration.ofSeconds(10)).entrySet()) {
        held += end.getValue() - consumer.beginningOffsets(List.of(end.getKey())).get(end.getKey());
      }
      List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (records.size() < held) {
        assertThat(System.nanoTime()).as("%s records of %s read within 20 s", held, topic).isLessThan(until);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** A content type without spaces, in lower case: Tomcat may pass it on as {@code application/json;charset=gbk}. */
  private static String normalized(String contentType) {
    return contentType == null ? null : contentType.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
  }

  private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), UTF_8);
  }
}

package io.github.callpush.spring.autoconfigure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.EndpointSettings;
import io.github.callpush.PushReceiver;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.kafka.KafkaBroker;
import io.github.callpush.forward.kafka.KafkaForwarder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;

/**
 * {@code callpush.forward.broker=kafka} with the application's own Spring Kafka producer factory, Boot's or its
 * own bean, against a real KRaft broker: its settings are the ones used, but for those the forwarder owns.
 */
class KafkaForwardFromBootIT {

  private static KafkaBroker broker;

  private final String topic = "callpush-app-client-" + UUID.randomUUID();
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withPropertyValues("callpush.verification.allow-unverified=true", "callpush.forward.broker=kafka",
          "callpush.forward.topic=" + topic);

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

  @BeforeEach
  void createTopic() throws Exception {
    broker.createTopic(topic, 1);
  }

  @Test
  void bootsProducerFactoryForwardsWithoutTheTemplatesSerializersAndAcks() {
    String ring = Pushes.ring(Pushes.uniqueId("app-kafka"));
    runner.withConfiguration(BootAutoConfigurations.kafka())
        .withPropertyValues("spring.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "spring.kafka.producer.acks=1", "spring.kafka.producer.retries=0",
            "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
            "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.StringSerializer")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(EndpointSettings.FORWARD_LISTENER_ID, PushForwarder.class))
              .isInstanceOf(KafkaForwarder.class);
          assertThat(Pushes.handle(context.getBean(PushReceiver.class), ring).status()).isEqualTo(200);
        });
    assertThat(bodies()).containsExactly(ring);
  }

  @Test
  void anApplicationsProducerFactoryIsUsedAsItIsNotAsTheProperties() {
    String ring = Pushes.ring(Pushes.uniqueId("app-kafka-bean"));
    runner.withConfiguration(AutoConfigurations.of(CallpushAutoConfiguration.class))
        .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1")
        .withBean(ProducerFactory.class, () -> new DefaultKafkaProducerFactory<byte[], byte[]>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers())))
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(Pushes.handle(context.getBean(PushReceiver.class), ring).status()).isEqualTo(200);
        });
    assertThat(bodies()).containsExactly(ring);
  }

  @Test
  void aProducerFactoryThatHidesItsSettingsIsRefused() {
    runner.withConfiguration(AutoConfigurations.of(CallpushAutoConfiguration.class))
        .withBean(ProducerFactory.class, () -> new OpaqueProducerFactory())
        .run(context -> {
          InvalidProperty invalid = StartFailures.invalidProperty(context);
          assertThat(invalid.property()).isEqualTo("callpush.forward.broker");
          assertThat(invalid.getMessage()).contains(OpaqueProducerFactory.class.getName())
              .contains("callpush.forward.url");
        });
  }

  /** The bodies of the records in the topic, read from the beginning to its end offset. */
  private List<String> bodies() {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
        Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG, "callpush-test-" + UUID.randomUUID(),
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      TopicPartition partition = new TopicPartition(topic, 0);
      consumer.assign(List.of(partition));
      consumer.seekToBeginning(List.of(partition));
      long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(10)).get(partition);
      List<String> bodies = new ArrayList<>();
      for (int poll = 0; poll < 100 && consumer.position(partition) < end; poll++) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          bodies.add(new String(record.value(), UTF_8));
        }
      }
      return bodies;
    }
  }

  /** A producer factory of the application's own that does not tell its configuration. */
  private static final class OpaqueProducerFactory implements ProducerFactory<byte[], byte[]> {

    @Override
    public Producer<byte[], byte[]> createProducer() {
      throw new UnsupportedOperationException("not in this test");
    }
  }
}

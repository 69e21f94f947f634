package io.github.callpush.forward.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.ReceivedPush;
import io.github.callpush.RetryLaterException;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Samples;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** The forwarder's settings and its answers to a producer that confirms, fails or stays silent, without a broker. */
class KafkaForwarderTest {

  private final ReceivedPush push = received(Samples.named("cdr").push());

  @Test
  void returnsOnceTheProducerConfirmedTheRecordOfThePush() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(true);
    try (KafkaForwarder forwarder = new KafkaForwarder(producer, "pushes", Duration.ofSeconds(1))) {
      forwarder.onPush(push);
    }

    assertThat(producer.history()).hasSize(1);
    assertThat(producer.history().get(0).value()).isSameAs(push.body());
    assertThat(producer.history().get(0).topic()).isEqualTo("pushes");
    assertThat(producer.closed()).isTrue();
  }

  @Test
  void noConfirmWithinTheDeadlineThrowsAfterTheDeadline() {
    try (KafkaForwarder forwarder = new KafkaForwarder(producer(false), "pushes", Duration.ofMillis(300))) {
      long start = System.nanoTime();

      assertThatThrownBy(() -> forwarder.onPush(push)).isInstanceOf(RetryLaterException.class)
          .hasMessage("Kafka did not confirm event k-1 on topic pushes within 300 ms");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(2));
    }
  }

  @Test
  void aFailedSendThrowsWithKafkasReason() throws Exception {
    MockProducer<byte[], byte[]> producer = producer(false);
    try (KafkaForwarder forwarder = new KafkaForwarder(producer, "pushes", Duration.ofSeconds(5))) {
      CompletableFuture<Void> pushed = CompletableFuture.runAsync(() -> {
        try {
          forwarder.onPush(push);
        } catch (Exception failure) {
          throw new CompletionException(failure);
        }
      });
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (producer.history().isEmpty() && System.nanoTime() < until) {
        Thread.onSpinWait();
      }

      assertThat(producer.errorNext(new TimeoutException("Expiring 1 record(s) for pushes-0"))).isTrue();
      assertThatThrownBy(() -> pushed.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(RetryLaterException.class)
          .hasMessage("Kafka failed event k-1 on topic pushes: TimeoutException: Expiring 1 record(s) for pushes-0")
          .hasCauseInstanceOf(TimeoutException.class);
    }
  }

  @Test
  void aSendRefusedAtOnceThrows() {
    MockProducer<byte[], byte[]> producer = producer(true);
    producer.sendException = new org.apache.kafka.common.KafkaException("producer closed");
    try (KafkaForwarder forwarder = new KafkaForwarder(producer, "pushes", Duration.ofSeconds(5))) {
      assertThatThrownBy(() -> forwarder.onPush(push)).isInstanceOf(RetryLaterException.class)
          .hasMessage("Kafka failed event k-1 on topic pushes: KafkaException: producer closed");
    }
  }

  @Test
  void theProducerIsIdempotentWithAcksAllAndItsTimeoutsFollowTheDeadline() {
    Properties settings = KafkaForwarder.builder("pushes").bootstrapServers("kafka-1:9092")
        .property("linger.ms", 10).deadline(Duration.ofSeconds(4)).producerProperties();

    assertThat(settings).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092")
        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
        .containsEntry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName())
        .containsEntry(ProducerConfig.MAX_BLOCK_MS_CONFIG, "4000")
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "4000")
        .containsEntry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000")
        .containsEntry("linger.ms", 10);
    assertThat(settings.getProperty(ProducerConfig.CLIENT_ID_CONFIG)).matches("callpush-forwarder-pushes-\\d+");
  }

  @Test
  void theProducerDoesNotLingerUnlessToldTo() {
    assertThat(KafkaForwarder.builder("pushes").bootstrapServers("kafka-1:9092").producerProperties())
        .containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0");
  }

  @Test
  void settingsGivenWinOverTheDerivedOnesButNotOverTheForwardersOwn() {
    Properties ready = new Properties();
    ready.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka-1:9092");
    ready.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000");
    ready.put(ProducerConfig.CLIENT_ID_CONFIG, "billing-forwarder");
    ready.put(ProducerConfig.ACKS_CONFIG, "-1");

    assertThat(KafkaForwarder.builder("pushes").properties(ready).producerProperties())
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "9000")
        .containsEntry(ProducerConfig.CLIENT_ID_CONFIG, "billing-forwarder")
        .containsEntry(ProducerConfig.ACKS_CONFIG, "all");
    assertThatThrownBy(() -> KafkaForwarder.builder("pushes").properties(ready).property("acks", "1")
        .producerProperties()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("acks is the forwarder's (all) but was set to 1");
    assertThatThrownBy(() -> KafkaForwarder.builder("pushes")
        .properties(Map.of(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, "bootstrap.servers", "k:9092"))
        .producerProperties()).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("enable.idempotence is the forwarder's (true) but was set to false");
    assertThatThrownBy(() -> KafkaForwarder.builder("pushes").producerProperties())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bootstrap.servers");
  }

  private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
    return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static ReceivedPush received(Push push) {
    Instant now = Instant.now();
    return new ReceivedPush(PushDecoder.defaults().decode(push.body(), push.contentType(), now), "k-1", push.body(),
        push.contentType(), now);
  }
}

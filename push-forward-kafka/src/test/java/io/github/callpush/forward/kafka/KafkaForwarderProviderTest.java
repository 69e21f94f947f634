package io.github.callpush.forward.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.PushForwarders;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

/** The {@code forward=kafka://...} setting: the provider found by scheme, its URI read, its mistakes named. */
class KafkaForwarderProviderTest {

  @Test
  void theSettingOpensAKafkaForwarderToTheTopicOfItsPath() {
    try (PushForwarder forwarder = PushForwarders.fromSpec("kafka://127.0.0.1:1,127.0.0.1:2/pushes")) {
      assertThat(forwarder).isInstanceOfSatisfying(KafkaForwarder.class,
          kafka -> assertThat(kafka.topic()).isEqualTo("pushes"));
    }
  }

  @Test
  void theQueryGivesTheDeadlineAndProducerSettings() {
    URI uri = URI.create("kafka://a:9092,b:9092/calls.pushes?deadline.ms=1500&compression.type=lz4"
        + "&ssl.truststore.location=%2Fetc%2Fkafka%2Ftrust.jks");

    assertThat(KafkaForwarderProvider.builder(uri).producerProperties())
        .containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "a:9092,b:9092")
        .containsEntry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "1500")
        .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
        .containsEntry("ssl.truststore.location", "/etc/kafka/trust.jks");
  }

  @Test
  void aUriWithoutBrokersOrTopicOrWithUserInfoOrABadSettingIsRefusedSayingWhy() {
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka:///pushes"))
        .hasMessage("a kafka URI names its brokers: kafka://host:9092/topic");
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://a:9092"))
        .hasMessage("a kafka URI names one topic as its path: kafka://host:9092/topic");
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://a:9092/t/u"))
        .hasMessage("a kafka URI names one topic as its path: kafka://host:9092/topic");
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://bob:hunter2@a:9092/pushes"))
        .hasMessage("a kafka URI carries no user info: set SASL in the producer settings");
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://a:9092/pushes?deadline.ms=soon"))
        .hasMessage("deadline.ms is a number of milliseconds, not 'soon'");
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://a:9092/pushes?acks=1"))
        .hasMessage("acks is the forwarder's (all) but was set to 1");
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://a:9092/pushes?linger.ms=never"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("Kafka refuses the settings: ")
        .hasMessageContaining("linger.ms");
  }

  @Test
  void aSettingKafkasProducerDoesNotHaveIsRefusedNamingTheOneMeant() {
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://a:9092/pushes?lingerms=0"))
        .hasMessage("'lingerms' is not a Kafka producer setting (linger.ms?); a kafka URI's query takes deadline.ms"
            + " and the producer's settings");
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://a:9092/pushes?group.id=x"))
        .hasMessage("'group.id' is not a Kafka producer setting; a kafka URI's query takes deadline.ms"
            + " and the producer's settings");
  }

  @Test
  void kafkasRootCauseIsGivenWithTheSecretsMasked() {
    String jaas = "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"app\""
        + " password=\"hunter2\"";
    URI uri = URI.create("kafka://127.0.0.1:9/pushes?security.protocol=SASL_PLAINTEXT&sasl.mechanism=PLAIN"
        + "&sasl.jaas.config=" + URLEncoder.encode(jaas, StandardCharsets.UTF_8));
    KafkaException refused = new KafkaException("Failed to construct kafka producer",
        new IllegalArgumentException("bad entry near password=\"hunter2\""));

    assertThat(KafkaForwarderProvider.refusal(refused, uri)).isEqualTo("Kafka refuses the settings: Failed to"
        + " construct kafka producer: IllegalArgumentException: bad entry near password=\"****\"");
    // the JAAS entry lacks its closing semicolon: Kafka's reason is in the root cause only
    assertThatThrownBy(() -> PushForwarders.fromSpec(uri.toString()))
        .hasMessageStartingWith("Kafka refuses the settings: Failed to construct kafka producer: ")
        .hasMessageContaining("semi-colon").hasMessageNotContaining("hunter2");
  }
}

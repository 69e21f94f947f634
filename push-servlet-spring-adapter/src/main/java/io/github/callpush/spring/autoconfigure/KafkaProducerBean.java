package io.github.callpush.spring.autoconfigure;

import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.kafka.KafkaForwarder;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.kafka.core.ProducerFactory;

/**
 * {@code callpush.forward.broker=kafka} from the application's Spring Kafka producer factory (Boot's
 * {@code DefaultKafkaProducerFactory}): the forwarder's producer takes its configuration (bootstrap servers,
 * security, SSL bundles Boot resolved into it, SASL...) but for the settings the forwarder owns, which are the
 * application's templates' and are left out ({@link #FORWARDERS_OWN}).
 */
final class KafkaProducerBean {

  /** The settings the forwarder sets itself: serializers, acknowledgement, idempotence, retries, transactions. */
  static final List<String> FORWARDERS_OWN = List.of(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
      ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ProducerConfig.ACKS_CONFIG,
      ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, ProducerConfig.RETRIES_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG);

  private static final String KAFKA = "kafka";

  private KafkaProducerBean() {}

  /**
   * The forwarder publishing to {@code topic} with the application's producer settings, waiting for confirms up to
   * {@code deadline} (null: the forwarder's default), or null without such settings.
   */
  static PushForwarder forwarder(ListableBeanFactory beans, String topic, Duration deadline) {
    ProducerFactory<?, ?> application =
        BrokerClientBeans.unique(beans, ResolvableType.forClass(ProducerFactory.class), KAFKA);
    if (application == null) {
      return null;
    }
    Map<String, Object> settings = configuration(application);
    settings.keySet().removeAll(FORWARDERS_OWN);
    try {
      KafkaForwarder.Builder builder = KafkaForwarder.builder(topic).properties(settings);
      if (deadline != null) {
        builder.deadline(deadline);
      }
      return builder.build();
    } catch (IllegalArgumentException | KafkaException refused) {
      throw InvalidProperty.of(BrokerClientBeans.BROKER, KAFKA, "Kafka refuses the application's producer settings: "
          + refused.getMessage(), refused);
    }
  }

  /**
   * A copy of the factory's configuration; one that does not tell it (an empty map, or the interface's default
   * throwing) is refused.
   */
  private static Map<String, Object> configuration(ProducerFactory<?, ?> application) {
    RuntimeException unreadable = null;
    Map<String, Object> settings = Map.of();
    try {
      settings = new LinkedHashMap<>(application.getConfigurationProperties());
    } catch (UnsupportedOperationException unsupported) {
      unreadable = unsupported;
    }
    if (settings.isEmpty()) {
      throw InvalidProperty.of(BrokerClientBeans.BROKER, KAFKA, "the application's Kafka producer factory ("
          + application.getClass().getName() + ") does not tell its configuration: set callpush.forward.url",
          unreadable);
    }
    return settings;
  }
}

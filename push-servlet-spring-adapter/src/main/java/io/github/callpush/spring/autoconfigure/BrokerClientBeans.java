package io.github.callpush.spring.autoconfigure;

import io.github.callpush.forward.PushForwarder;
import java.util.Arrays;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.util.ClassUtils;

/**
 * The forwarder of {@code callpush.forward.broker} from the broker client the application configured itself: its
 * RabbitMQ connection factory ({@link RabbitConnectionBean}) or Kafka producer factory ({@link KafkaProducerBean}),
 * with everything Boot or the application set on it (SSL bundles, credentials providers, customizers). Used only
 * where spring-rabbit or spring-kafka and the forwarding module are on the class path; the classes touching their
 * types are loaded only then.
 */
final class BrokerClientBeans {

  static final String BROKER = "callpush.forward.broker";

  private static final String SPRING_RABBIT = "org.springframework.amqp.rabbit.connection.AbstractConnectionFactory";
  private static final String RABBIT_FORWARDER = "io.github.callpush.forward.rabbitmq.RabbitForwarder";
  private static final String SPRING_KAFKA = "org.springframework.kafka.core.ProducerFactory";
  private static final String KAFKA_FORWARDER = "io.github.callpush.forward.kafka.KafkaForwarder";

  private BrokerClientBeans() {}

  /**
   * The forwarder built from the application's client of {@code forward}'s broker, or null when there is no such
   * bean (or spring-rabbit, spring-kafka or the forwarding module is missing): then Boot's properties are read.
   *
   * @throws InvalidProperty when the client cannot be reused faithfully or the broker refuses
   */
  static PushForwarder forwarder(CallpushProperties.Forward forward, ListableBeanFactory beans, ClassLoader loader) {
    return switch (forward.getBroker()) {
      case RABBITMQ -> present(loader, SPRING_RABBIT, RABBIT_FORWARDER)
          ? RabbitConnectionBean.forwarder(beans, forward.getExchange(), forward.getDeadline()) : null;
      case KAFKA -> present(loader, SPRING_KAFKA, KAFKA_FORWARDER)
          ? KafkaProducerBean.forwarder(beans, forward.getTopic(), forward.getDeadline()) : null;
    };
  }

  /**
   * The application's one bean of {@code type} (or its {@code @Primary} one), or null when it has none.
   *
   * @throws InvalidProperty when it has several and none is primary
   */
  static <T> T unique(ListableBeanFactory beans, ResolvableType type, String broker) {
    T bean = beans.<T>getBeanProvider(type).getIfUnique();
    String[] names = beans.getBeanNamesForType(type);
    if (bean == null && names.length > 0) {
      throw InvalidProperty.of(BROKER, broker, "the application has several " + type + " beans "
          + Arrays.toString(names) + " and none is @Primary: mark the one to forward with, or set callpush.forward.url");
    }
    return bean;
  }

  private static boolean present(ClassLoader loader, String... classes) {
    return Arrays.stream(classes).allMatch(name -> ClassUtils.isPresent(name, loader));
  }
}

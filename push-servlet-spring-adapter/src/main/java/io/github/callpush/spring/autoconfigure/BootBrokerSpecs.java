package io.github.callpush.spring.autoconfigure;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.boot.context.properties.bind.Bindable;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.util.ClassUtils;

/**
 * The {@code forward} URI of {@code callpush.forward.broker}, from the connection settings Spring Boot's own
 * RabbitMQ and Kafka support read ({@code spring.rabbitmq.*}, {@code spring.kafka.*}) with Boot's defaults. They
 * are read with the {@link Binder}, not through Boot's {@code RabbitProperties} or {@code KafkaProperties}, which
 * live in different modules in Boot 3.5 and 4.0 and need spring-rabbit or spring-kafka: the adapter serves both
 * Boots without either.
 */
final class BootBrokerSpecs {

  private static final String RABBIT = "spring.rabbitmq.";
  private static final String KAFKA = "spring.kafka.";
  private static final String PRODUCER = KAFKA + "producer.";

  private BootBrokerSpecs() {}

  /**
   * {@code amqp(s)://username:password@host:port/virtual-host?exchange=EXCHANGE} from {@code spring.rabbitmq.host},
   * {@code port}, {@code username}, {@code password}, {@code virtual-host} and {@code ssl.enabled}.
   *
   * @throws InvalidProperty when {@code spring.rabbitmq.addresses} is set: one broker is named by host and port
   */
  static String rabbitmq(Binder binder, String exchange) {
    if (binder.bind(RABBIT + "addresses", String.class).isBound()) {
      throw InvalidProperty.of(RABBIT + "addresses", "...", "callpush.forward.broker=rabbitmq connects to "
          + RABBIT + "host and " + RABBIT + "port; for several addresses set callpush.forward.url instead");
    }
    boolean ssl = binder.bind(RABBIT + "ssl.enabled", Boolean.class).orElse(false);
    String host = binder.bind(RABBIT + "host", String.class).orElse("localhost");
    int port = binder.bind(RABBIT + "port", Integer.class).orElse(ssl ? 5671 : 5672);
    String username = binder.bind(RABBIT + "username", String.class).orElse("guest");
    String password = binder.bind(RABBIT + "password", String.class).orElse("guest");
    String virtualHost = binder.bind(RABBIT + "virtual-host", String.class).orElse("/");
    return (ssl ? "amqps" : "amqp") + "://" + encode(username) + ":" + encode(password) + "@" + host + ":" + port
        + "/" + encode(virtualHost) + "?exchange=" + encode(exchange);
  }

  /**
   * {@code kafka://BOOTSTRAP-SERVERS/TOPIC?PRODUCER-SETTINGS} as Boot builds its producer's: the bootstrap servers
   * ({@code spring.kafka.producer.bootstrap-servers}, else {@code spring.kafka.bootstrap-servers}, else
   * {@code localhost:9092}), the client id and security protocol (the producer's over the common ones), the
   * producer's {@code compression-type}, and {@code spring.kafka.properties.*} overridden by
   * {@code spring.kafka.producer.properties.*} (SSL and SASL go there). Of the common {@code properties.*}, only
   * the producer's settings are taken: the others are the consumers' (the forward URI refuses a name that is no
   * producer setting, as a misspelling). The serializers, {@code acks} and
   * {@code retries} are the forwarder's own: Boot's settings of them, meant for the application's templates, are
   * not passed on.
   */
  static String kafka(Binder binder, String topic) {
    Map<String, String> settings = new LinkedHashMap<>();
    map(binder, KAFKA + "properties").forEach((name, value) -> {
      if (ProducerSettings.has(name)) {
        settings.put(name, value);
      }
    });
    put(binder, settings, "client.id", KAFKA + "client-id", PRODUCER + "client-id");
    put(binder, settings, "security.protocol", KAFKA + "security.protocol", PRODUCER + "security.protocol");
    put(binder, settings, "compression.type", PRODUCER + "compression-type");
    settings.putAll(map(binder, PRODUCER + "properties"));
    List<String> servers = binder.bind(PRODUCER + "bootstrap-servers", Bindable.listOf(String.class))
        .orElseGet(() -> binder.bind(KAFKA + "bootstrap-servers", Bindable.listOf(String.class))
            .orElse(List.of("localhost:9092")));
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    settings.forEach((name, value) -> query.add(encode(name) + "=" + encode(value)));
    return "kafka://" + String.join(",", servers) + "/" + encode(topic) + query;
  }

  /** Puts the value of the last of {@code properties} that is set under {@code name}. */
  private static void put(Binder binder, Map<String, String> settings, String name, String... properties) {
    for (String property : properties) {
      binder.bind(property, String.class).ifBound(value -> settings.put(name, value));
    }
  }

  private static Map<String, String> map(Binder binder, String property) {
    return binder.bind(property, Bindable.mapOf(String.class, String.class)).orElse(Map.of());
  }

  /**
   * Whether a producer has the setting {@code name}; true for any name without kafka-clients, whose absence the
   * forward URI then reports.
   */
  private static final class ProducerSettings {

    private static final String CONFIG = "org.apache.kafka.clients.producer.ProducerConfig";

    static boolean has(String name) {
      return !ClassUtils.isPresent(CONFIG, BootBrokerSpecs.class.getClassLoader()) || Names.ALL.contains(name);
    }

    /** Loaded only where kafka-clients is. */
    private static final class Names {
      static final Set<String> ALL = ProducerConfig.configNames();
    }
  }

  /** Percent-encoded for any part of a URI (a space as {@code %20}, not {@code +}). */
  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}

package io.github.callpush.forward.kafka;

import io.github.callpush.forward.ForwarderProvider;
import io.github.callpush.forward.PushForwarder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.KafkaException;

/**
 * Opens a {@link KafkaForwarder} from the {@code forward} setting's URI,
 * {@code kafka://host:port[,host:port...]/topic[?deadline.ms=5000&producer.setting=value...]}: the brokers to
 * bootstrap from, the topic, and optionally the deadline in milliseconds and further producer settings (URL
 * encoded). Found by {@code io.github.callpush.forward.PushForwarders} through {@code META-INF/services}.
 */
public final class KafkaForwarderProvider implements ForwarderProvider {

  /** The query parameter of the deadline, in milliseconds. */
  public static final String DEADLINE_MS = "deadline.ms";

  /** {@code kafka}. */
  @Override
  public Set<String> schemes() {
    return Set.of("kafka");
  }

  /**
   * The forwarder {@code uri} names; its producer connects lazily.
   *
   * @throws IllegalArgumentException when the URI names no brokers or no topic, carries user info, or Kafka
   *     refuses a setting
   */
  @Override
  public PushForwarder open(URI uri) {
    try {
      return builder(uri).build();
    } catch (KafkaException refused) {
      throw new IllegalArgumentException("Kafka refuses the settings: " + refused.getMessage(), refused);
    }
  }

  static KafkaForwarder.Builder builder(URI uri) {
    String brokers = uri.getRawAuthority();
    if (brokers == null || brokers.isEmpty()) {
      throw new IllegalArgumentException("a kafka URI names its brokers: kafka://host:9092/topic");
    }
    if (brokers.contains("@")) {
      throw new IllegalArgumentException("a kafka URI carries no user info: set SASL in the producer settings");
    }
    String path = uri.getPath() == null ? "" : uri.getPath();
    String topic = path.startsWith("/") ? path.substring(1) : path;
    if (topic.isEmpty() || topic.contains("/")) {
      throw new IllegalArgumentException("a kafka URI names one topic as its path: kafka://host:9092/topic");
    }
    KafkaForwarder.Builder builder = KafkaForwarder.builder(topic).bootstrapServers(brokers);
    if (uri.getRawQuery() != null) {
      for (String parameter : uri.getRawQuery().split("&")) {
        int equals = parameter.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("a kafka URI's query is name=value pairs: kafka://host:9092/topic?"
              + DEADLINE_MS + "=5000");
        }
        String name = decode(parameter.substring(0, equals));
        String value = decode(parameter.substring(equals + 1));
        if (name.equals(DEADLINE_MS)) {
          builder.deadline(Duration.ofMillis(millis(value)));
        } else {
          builder.property(name, value);
        }
      }
    }
    return builder;
  }

  private static long millis(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException malformed) {
      throw new IllegalArgumentException(DEADLINE_MS + " is a number of milliseconds, not '" + value + "'");
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}

package io.github.callpush.forward.kafka;

import io.github.callpush.forward.ForwarderProvider;
import io.github.callpush.forward.PushForwarder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;

/**
 * Opens a {@link KafkaForwarder} from the {@code forward} setting's URI,
 * {@code kafka://host:port[,host:port...]/topic[?deadline.ms=5000&producer.setting=value...]}: the brokers to
 * bootstrap from, the topic, and optionally the deadline in milliseconds and further producer settings (URL
 * encoded). A name that is not one of Kafka's producer settings is refused, so that a misspelt one is not left
 * unused (Kafka itself only logs it); settings of custom plugins go through {@link KafkaForwarder.Builder#property}.
 * Found by {@code io.github.callpush.forward.PushForwarders} through {@code META-INF/services}.
 */
public final class KafkaForwarderProvider implements ForwarderProvider {

  /** The query parameter of the deadline, in milliseconds. */
  public static final String DEADLINE_MS = "deadline.ms";

  private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(password|secret|token|credential|jaas).*");
  private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
  private static final String MASK = "****";

  /** {@code kafka}. */
  @Override
  public Set<String> schemes() {
    return Set.of("kafka");
  }

  /**
   * The forwarder {@code uri} names; its producer connects lazily.
   *
   * @throws IllegalArgumentException when the URI names no brokers or no topic, carries user info, names a
   *     setting Kafka's producer does not have, or Kafka refuses a setting (its reason given, secrets masked)
   */
  @Override
  public PushForwarder open(URI uri) {
    KafkaForwarder.Builder builder = builder(uri);
    try {
      return builder.build();
    } catch (KafkaException refused) {
      throw new IllegalArgumentException(refusal(refused, uri), refused);
    }
  }

  /**
   * Why Kafka refused the settings: its message and, when another, its root cause's (Kafka's "Failed to construct
   * kafka producer" says nothing of which setting), with the values of {@code uri}'s secret-looking settings and
   * anything quoted in them (a JAAS password) masked.
   */
  static String refusal(KafkaException refused, URI uri) {
    Throwable root = refused;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String reason = "Kafka refuses the settings: " + refused.getMessage();
    if (root != refused) {
      reason += ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
    }
    List<String> secrets = new ArrayList<>();
    for (String[] parameter : parameters(uri)) {
      if (SECRET_NAME.matcher(parameter[0]).matches()) {
        secrets.add(parameter[1]);
        for (Matcher quoted = QUOTED.matcher(parameter[1]); quoted.find(); ) {
          secrets.add(quoted.group(1));
        }
      }
    }
    for (String secret : secrets) {
      if (!secret.isEmpty()) {
        reason = reason.replace(secret, MASK);
      }
    }
    return reason;
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
    for (String[] parameter : parameters(uri)) {
      String name = parameter[0];
      if (name.equals(DEADLINE_MS)) {
        builder.deadline(Duration.ofMillis(millis(parameter[1])));
      } else if (ProducerConfig.configNames().contains(name)) {
        builder.property(name, parameter[1]);
      } else {
        throw new IllegalArgumentException("'" + name + "' is not a Kafka producer setting" + suggestion(name)
            + "; a kafka URI's query takes " + DEADLINE_MS + " and the producer's settings");
      }
    }
    return builder;
  }

  /** The query's name=value pairs, decoded. */
  private static List<String[]> parameters(URI uri) {
    List<String[]> parameters = new ArrayList<>();
    if (uri.getRawQuery() != null) {
      for (String parameter : uri.getRawQuery().split("&")) {
        int equals = parameter.indexOf('=');
        if (equals <= 0) {
          throw new IllegalArgumentException("a kafka URI's query is name=value pairs: kafka://host:9092/topic?"
              + DEADLINE_MS + "=5000");
        }
        parameters.add(new String[] {decode(parameter.substring(0, equals)), decode(parameter.substring(equals + 1))});
      }
    }
    return parameters;
  }

  /** {@code " (linger.ms?)"} when {@code name} is a setting's name but for case, dots, dashes and underscores. */
  private static String suggestion(String name) {
    String bare = bare(name);
    return ProducerConfig.configNames().stream().filter(known -> bare(known).equals(bare)).findFirst()
        .map(known -> " (" + known + "?)").orElse("");
  }

  private static String bare(String name) {
    return name.replaceAll("[._-]", "").toLowerCase(Locale.ROOT);
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

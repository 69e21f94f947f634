package io.github.callpush.forward.rabbitmq;

import io.github.callpush.forward.ForwarderProvider;
import io.github.callpush.forward.PushForwarder;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The {@code forward} setting's {@code amqp://} and {@code amqps://} URIs:
 * {@code amqp://user:password@host:5672/vhost?exchange=callpush&confirm-timeout-ms=5000&declare-exchange=true}.
 * {@code exchange}, {@code confirm-timeout-ms} and {@code declare-exchange} configure the {@link RabbitForwarder};
 * the client's own parameters ({@code heartbeat}, {@code connection_timeout}, {@code channel_max}...) go to its
 * connection factory; any other parameter is refused, so that a misspelt one does not pass unnoticed.
 */
public final class RabbitForwarderProvider implements ForwarderProvider {

  private static final List<String> CLIENT_PARAMETERS =
      List.of("heartbeat", "connection_timeout", "channel_max", "auth_mechanism");

  /** Found by {@link java.util.ServiceLoader}. */
  public RabbitForwarderProvider() {}

  @Override
  public Set<String> schemes() {
    return Set.of("amqp", "amqps");
  }

  /**
   * Connects to the broker the URI names.
   *
   * @throws IllegalArgumentException for an unknown parameter or a bad value
   * @throws IllegalStateException when the broker cannot be reached or refuses the exchange
   */
  @Override
  public PushForwarder open(URI uri) {
    Map<String, String> ours = new LinkedHashMap<>();
    StringJoiner client = new StringJoiner("&");
    List<String> unknown = new ArrayList<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int equals = pair.indexOf('=');
        String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
        String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
        switch (name) {
          case "exchange", "confirm-timeout-ms", "declare-exchange" -> ours.put(name, value);
          default -> {
            if (CLIENT_PARAMETERS.contains(name)) {
              client.add(pair);
            } else {
              unknown.add(name);
            }
          }
        }
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown parameter " + String.join(", ", unknown) + " in the amqp URI; known: "
          + "exchange, confirm-timeout-ms, declare-exchange, " + String.join(", ", CLIENT_PARAMETERS));
    }
    String spec = uri.toString();
    int query = spec.indexOf('?');
    String connection = (query < 0 ? spec : spec.substring(0, query)) + (client.length() == 0 ? "" : "?" + client);
    RabbitForwarder.Builder builder = RabbitForwarder.builder(connection);
    if (ours.containsKey("exchange")) {
      builder.exchange(ours.get("exchange"));
    }
    if (ours.containsKey("confirm-timeout-ms")) {
      builder.confirmTimeout(Duration.ofMillis(number("confirm-timeout-ms", ours.get("confirm-timeout-ms"))));
    }
    if (ours.containsKey("declare-exchange")) {
      builder.declareExchange(bool("declare-exchange", ours.get("declare-exchange")));
    }
    try {
      return builder.build();
    } catch (IOException unreachable) {
      throw new IllegalStateException(unreachable.getMessage(), unreachable);
    }
  }

  private static long number(String name, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException notANumber) {
      throw new IllegalArgumentException(name + " must be a whole number of milliseconds but was '" + value + "'");
    }
  }

  private static boolean bool(String name, String value) {
    if (!"true".equals(value) && !"false".equals(value)) {
      throw new IllegalArgumentException(name + " must be true or false but was '" + value + "'");
    }
    return Boolean.parseBoolean(value);
  }
}

package io.github.callpush.forward;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.regex.Pattern;

/** Finds the {@link ForwarderProvider} of a URI's scheme on the classpath and opens its forwarder. */
public final class PushForwarders {

  /** The module that serves each scheme, for the message when it is missing. */
  private static final Map<String, String> MODULES = Map.of("kafka", "io.github.callpush:push-forward-kafka",
      "amqp", "io.github.callpush:push-forward-rabbitmq", "amqps", "io.github.callpush:push-forward-rabbitmq");

  private static final String MASK = "****";
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("([?&][^=&]*(?i:password|secret|token|credential|jaas)[^=&]*=)[^&]*");

  private PushForwarders() {}

  /**
   * The forwarder {@code spec} names, e.g. {@code kafka://127.0.0.1:9092/pushes} or
   * {@code amqp://user:password@127.0.0.1:5672/%2F?exchange=callpush}, from the providers the class loader of this
   * class finds.
   *
   * @throws IllegalArgumentException when the spec is not a URI, no provider serves its scheme (the message names
   *     the module to add), or the provider refuses it; a password in the spec is never in the message
   */
  public static PushForwarder fromSpec(String spec) {
    URI uri = uri(spec);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    List<String> known = new ArrayList<>();
    for (ForwarderProvider provider : ServiceLoader.load(ForwarderProvider.class, PushForwarders.class.getClassLoader())) {
      if (provider.schemes().contains(scheme)) {
        return provider.open(uri);
      }
      known.addAll(provider.schemes());
    }
    String module = MODULES.get(scheme);
    throw new IllegalArgumentException("no forwarder for " + (scheme.isEmpty() ? "a URI without a scheme"
        : "'" + scheme + ":' URIs") + (module == null ? "" : ": add " + module + " to the application")
        + (known.isEmpty() ? "" : "; schemes served: " + String.join(", ", known)));
  }

  /**
   * {@code spec} with the password of its user info, and the values of query parameters whose names speak of a
   * secret ({@code password}, {@code secret}, {@code token}, {@code credential}, {@code jaas}), replaced by
   * {@code ****}, to show it in a message. The password runs from the user's colon to the last {@code @} before
   * the query, so that one written unencoded, holding {@code /} or {@code @}, never shows: a spec with an
   * {@code @} in its path shows less than it could rather than a secret.
   */
  public static String shown(String spec) {
    if (spec == null) {
      return null;
    }
    String shown = spec;
    int authority = shown.indexOf("://") + 3;
    if (authority >= 3) {
      int query = shown.indexOf('?', authority);
      int at = shown.lastIndexOf('@', (query < 0 ? shown.length() : query) - 1);
      int colon = shown.indexOf(':', authority);
      if (at >= authority && colon >= 0 && colon < at) {
        shown = shown.substring(0, colon + 1) + MASK + shown.substring(at);
      }
    }
    return SECRET_PARAMETER.matcher(shown).replaceAll("$1" + MASK);
  }

  private static URI uri(String spec) {
    try {
      return new URI(spec);
    } catch (URISyntaxException malformed) {
      throw new IllegalArgumentException("not a URI: " + malformed.getReason() + " at index " + malformed.getIndex());
    }
  }
}

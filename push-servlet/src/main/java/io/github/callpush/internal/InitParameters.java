package io.github.callpush.internal;

import io.github.callpush.EndpointSettings;
import io.github.callpush.EndpointSettings.Setting;
import io.github.callpush.InvalidSettingException;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushReceiverConfigurer;
import io.github.callpush.PushServlet;
import io.github.callpush.ReceiverSetup;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Builds the receiver of a {@code web.xml}-declared servlet or filter from its init-params, which bind to
 * {@link EndpointSettings}: this class only names them and reports refusals in init-param terms. It fails
 * closed: an unknown parameter name (a typo), a value that is an unresolved {@code ${...}} placeholder, an
 * empty verification parameter, or no verification at all without {@code allow-unverified=true} stops the
 * start with a message that names the parameter.
 */
public final class InitParameters {

  /** Every init-param this reads, as documented in the README. */
  static final Set<String> KNOWN = Stream.concat(Stream.of("receiver-attribute", "configurer", "paths"),
      Arrays.stream(Setting.values()).map(InitParameters::name)).collect(Collectors.toUnmodifiableSet());

  /** The init-params that say who may push: set but empty, they would leave the endpoint open. */
  private static final Set<String> VERIFICATION = Set.of(
      "token", "token-parameter", "token-header", "hmac-secrets", "basic-auth", "ip-allowlist", "trusted-proxies");

  private InitParameters() {}

  /** The init-param of each setting. */
  static String name(Setting setting) {
    return switch (setting) {
      case TOKENS -> "token";
      case TOKEN_PARAMETER -> "token-parameter";
      case TOKEN_HEADER -> "token-header";
      case HMAC_SECRETS -> "hmac-secrets";
      case HMAC_TOLERANCE -> "hmac-tolerance-seconds";
      case BASIC_USERS -> "basic-auth";
      case IP_ALLOWLIST -> "ip-allowlist";
      case TRUSTED_PROXIES -> "trusted-proxies";
      case ALLOW_UNVERIFIED -> "allow-unverified";
      case MAX_BODY_BYTES -> "max-body-bytes";
      case ACK_BODY -> "ack-body";
      case TIME_ZONE -> "time-zone";
      case ACK_DEADLINE -> "ack-deadline-millis";
      case LEASE -> "lease-seconds";
      case RETENTION -> "retention-hours";
      case RETRY_AFTER -> "retry-after-seconds";
      case FAIL_OPEN -> "fail-open";
      case LOG_PHONE_NUMBERS -> "log-phone-numbers";
      case DEDUP_STORE -> "dedup";
      case SWEEP_INTERVAL -> "dedup-sweep-minutes";
      case DEAD_LETTER_DIRECTORY -> "dead-letter-dir";
      case DEAD_LETTER_MAXIMUM -> "dead-letter-max";
      case FORWARD -> "forward";
    };
  }

  /** The receiver to serve, and what the servlet or filter must close at {@code destroy} (null: nothing). */
  public record ServedReceiver(PushReceiver receiver, AutoCloseable closeOnDestroy) {}

  /**
   * The receiver in the context attribute named by {@code receiver-attribute} (default
   * {@link PushServlet#RECEIVER_ATTRIBUTE}) when there is one; else one built from the init-params.
   */
  public static ServedReceiver receiver(Function<String, String> parameters, Enumeration<String> names,
      ServletContext context) throws ServletException {
    for (String name : Collections.list(names)) {
      if (!KNOWN.contains(name)) {
        throw new ServletException("unknown callpush init-param '" + name + "': remove it or correct its name; known: "
            + new TreeSet<>(KNOWN));
      }
      if (Placeholders.isUnresolved(parameters.apply(name))) {
        throw new ServletException("callpush init-param " + name + " is an unresolved ${...} placeholder: define the "
            + "property it names for the container, or write the value itself");
      }
      if (VERIFICATION.contains(name) && parameters.apply(name).isBlank()) {
        throw new ServletException("callpush init-param " + name + " is empty: give it a value or remove it");
      }
    }
    String attribute = parameters.apply("receiver-attribute");
    Object ready = context.getAttribute(attribute == null ? PushServlet.RECEIVER_ATTRIBUTE : attribute);
    if (ready instanceof PushReceiver receiver) {
      return new ServedReceiver(receiver, null);
    }
    if (attribute != null) {
      throw new ServletException("init-param receiver-attribute names '" + attribute
          + "' but the servlet context holds no PushReceiver there");
    }
    try {
      return build(parameters);
    } catch (InvalidSettingException refused) {
      throw new ServletException(message(refused), refused);
    } catch (IllegalArgumentException invalid) {
      throw new ServletException("invalid callpush init-param: " + invalid.getMessage(), invalid);
    }
  }

  /** A refused setting in init-param terms. */
  private static String message(InvalidSettingException refused) {
    if (refused.isMissingVerification()) {
      return "no verification: set the init-param token, hmac-secrets, basic-auth or ip-allowlist (or a verifier in "
          + "the configurer); to accept pushes from anyone who can reach the endpoint, set allow-unverified=true";
    }
    if (refused.setting() == Setting.ALLOW_UNVERIFIED) {
      return "invalid callpush init-param: allow-unverified=true goes without token, hmac-secrets, basic-auth and "
          + "ip-allowlist: remove it, or them";
    }
    return "invalid callpush init-param: " + name(refused.setting()) + ": " + refused.reason();
  }

  /** Closes what {@link ServedReceiver#closeOnDestroy} names, logging instead of throwing. */
  public static void close(AutoCloseable closeOnDestroy) {
    if (closeOnDestroy == null) {
      return;
    }
    try {
      closeOnDestroy.close();
    } catch (Exception failed) {
      LoggerFactory.getLogger(InitParameters.class).warn("closing the callpush receiver failed", failed);
    }
  }

  private static ServedReceiver build(Function<String, String> parameters) throws ServletException {
    InitParamValues params = new InitParamValues(parameters);
    EndpointSettings.Builder settings = EndpointSettings.builder()
        .tokens(params.list("token"))
        .tokenParameter(params.value("token-parameter"))
        .tokenHeader(params.value("token-header"))
        .hmacSecrets(params.list("hmac-secrets"))
        .basicUsers(basicUsers(params))
        .ipAllowlist(params.list("ip-allowlist"))
        .trustedProxies(params.list("trusted-proxies"))
        .dedupStore(params.value("dedup"))
        .forward(params.value("forward"));
    params.ifSet("hmac-tolerance-seconds",
        value -> settings.hmacTolerance(Duration.ofSeconds(params.integer("hmac-tolerance-seconds", value))));
    params.ifSet("allow-unverified", value -> settings.allowUnverified(params.bool("allow-unverified", value)));
    params.ifSet("max-body-bytes", value -> settings.maxBodyBytes(params.integer("max-body-bytes", value)));
    params.ifSet("ack-body", settings::ackBody);
    params.ifSet("time-zone", value -> settings.timeZone(params.zone("time-zone", value)));
    params.ifSet("ack-deadline-millis",
        value -> settings.ackDeadline(Duration.ofMillis(params.integer("ack-deadline-millis", value))));
    params.ifSet("lease-seconds",
        value -> settings.lease(Duration.ofSeconds(params.integer("lease-seconds", value))));
    params.ifSet("retention-hours",
        value -> settings.retention(Duration.ofHours(params.integer("retention-hours", value))));
    params.ifSet("retry-after-seconds",
        value -> settings.retryAfter(Duration.ofSeconds(params.integer("retry-after-seconds", value))));
    params.ifSet("fail-open", value -> settings.failOpen(params.bool("fail-open", value)));
    params.ifSet("log-phone-numbers", value -> settings.logPhoneNumbers(params.bool("log-phone-numbers", value)));
    params.ifSet("dedup-sweep-minutes",
        value -> settings.sweepInterval(Duration.ofMinutes(params.integer("dedup-sweep-minutes", value))));
    if (params.value("dead-letter-max") != null && params.value("dead-letter-dir") == null) {
      throw new IllegalArgumentException("dead-letter-max is set but no dead-letter-dir");
    }
    params.ifSet("dead-letter-dir", directory -> settings.deadLetterDirectory(Path.of(directory)));
    params.ifSet("dead-letter-max", value -> settings.deadLetterMaximum(params.integer("dead-letter-max", value)));
    ReceiverSetup setup = settings.build().configure();
    try {
      String configurer = parameters.apply("configurer");
      if (configurer != null) {
        configure(setup.builder(), configurer.trim());
      }
      return new ServedReceiver(setup.build(), setup);
    } catch (RuntimeException | ServletException failed) {
      setup.close();
      throw failed;
    }
  }

  /** The {@code basic-auth} init-param's {@code user:password} entries. */
  private static Map<String, String> basicUsers(InitParamValues params) {
    Map<String, String> basicUsers = new LinkedHashMap<>();
    for (String user : params.list("basic-auth")) {
      int colon = user.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("basic-auth entries must be user:password");
      }
      basicUsers.put(user.substring(0, colon), user.substring(colon + 1));
    }
    return basicUsers;
  }

  private static void configure(PushReceiver.Builder builder, String className) throws ServletException {
    try {
      Class<?> type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
      if (!PushReceiverConfigurer.class.isAssignableFrom(type)) {
        throw new ServletException("configurer " + className + " does not implement PushReceiverConfigurer");
      }
      ((PushReceiverConfigurer) type.getConstructor().newInstance()).configure(builder);
    } catch (ClassNotFoundException missing) {
      throw new ServletException("configurer class " + className + " not found", missing);
    } catch (NoSuchMethodException | InstantiationException | IllegalAccessException noConstructor) {
      throw new ServletException("configurer " + className + " needs a public no-argument constructor",
          noConstructor);
    } catch (InvocationTargetException failed) {
      throw new ServletException("configurer " + className + " failed to construct", failed.getCause());
    } catch (ServletException rethrown) {
      throw rethrown;
    } catch (Exception failed) {
      throw new ServletException("configurer " + className + " failed: " + failed.getMessage(), failed);
    }
  }

  /** Reads init-param values, naming the parameter in every error. */
  private record InitParamValues(Function<String, String> source) {

    /** The trimmed value, or null when the parameter is missing or blank. */
    String value(String name) {
      String value = source.apply(name);
      return value == null || value.isBlank() ? null : value.trim();
    }

    void ifSet(String name, Consumer<String> apply) {
      String value = value(name);
      if (value != null) {
        apply.accept(value);
      }
    }

    List<String> list(String name) {
      String value = source.apply(name);
      if (value == null || value.isBlank()) {
        return List.of();
      }
      return Arrays.stream(value.split("[,\\s]+")).filter(item -> !item.isEmpty()).toList();
    }

    ZoneId zone(String name, String value) {
      try {
        return ZoneId.of(value);
      } catch (DateTimeException unknown) {
        throw new IllegalArgumentException(name + ": " + unknown.getMessage(), unknown);
      }
    }

    int integer(String name, String value) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException notANumber) {
        throw new IllegalArgumentException(name + " must be a whole number but was '" + value + "'");
      }
    }

    boolean bool(String name, String value) {
      if (!"true".equalsIgnoreCase(value) && !"false".equalsIgnoreCase(value)) {
        throw new IllegalArgumentException(name + " must be true or false but was '" + value + "'");
      }
      return Boolean.parseBoolean(value);
    }
  }
}

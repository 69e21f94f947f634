package io.github.callpush.internal;

import io.github.callpush.PushObserver;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushReceiverConfigurer;
import io.github.callpush.PushServlet;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.DedupStores;
import io.github.callpush.verify.PushVerifier;
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
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Builds the receiver of a {@code web.xml}-declared servlet or filter from its init-params. It fails
 * closed: an unknown parameter name (a typo), a value that is an unresolved {@code ${...}}
 * placeholder, an empty verification parameter, or no verification at all without
 * {@code allow-unverified=true} stops the start with a message that names the parameter.
 */
public final class InitParameters {

  /** Every init-param this reads, as documented in the README. */
  static final Set<String> KNOWN = Set.of(
      "receiver-attribute", "configurer", "paths",
      "token", "token-parameter", "token-header",
      "hmac-secrets", "hmac-tolerance-seconds",
      "basic-auth",
      "ip-allowlist", "trusted-proxies", "allow-unverified",
      "max-body-bytes", "ack-body", "time-zone", "ack-deadline-millis",
      "lease-seconds", "retention-hours", "retry-after-seconds", "fail-open", "log-phone-numbers",
      "dedup", "dedup-sweep-minutes", "dead-letter-dir", "dead-letter-max");

  /** The init-params that say who may push: set but empty, they would leave the endpoint open. */
  private static final Set<String> VERIFICATION = Set.of(
      "token", "token-parameter", "token-header", "hmac-secrets", "basic-auth", "ip-allowlist", "trusted-proxies");

  private static final int DEFAULT_SWEEP_MINUTES = 10;
  private static final int DEFAULT_DEAD_LETTER_MAX = 1000;
  /** How long a sweep under way at {@code destroy} may take to finish before it is interrupted. */
  private static final Duration SWEEP_STOP = Duration.ofSeconds(10);

  private InitParameters() {}

  /** The receiver to serve, and what the servlet or filter must close at {@code destroy} (null: nothing). */
  public record Resolved(PushReceiver receiver, AutoCloseable closeOnDestroy) {}

  /**
   * The receiver in the context attribute named by {@code receiver-attribute} (default
   * {@link PushServlet#RECEIVER_ATTRIBUTE}) when there is one; else one built from the init-params.
   */
  public static Resolved receiver(Function<String, String> parameters, Enumeration<String> names,
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
      return new Resolved(receiver, null);
    }
    if (attribute != null) {
      throw new ServletException("init-param receiver-attribute names '" + attribute
          + "' but the servlet context holds no PushReceiver there");
    }
    try {
      return build(parameters);
    } catch (IllegalArgumentException | DateTimeException invalid) {
      throw new ServletException("invalid callpush init-param: " + invalid.getMessage(), invalid);
    }
  }

  /** Closes what {@link Resolved#closeOnDestroy} names, logging instead of throwing. */
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

  private static Resolved build(Function<String, String> parameters) throws ServletException {
    Params params = new Params(parameters);
    PushReceiver.Builder builder = PushReceiver.builder();
    PushVerifier verifier = verifier(params);
    if (verifier != null) {
      builder.verifier(verifier);
    }
    boolean allowUnverified = params.value("allow-unverified") != null
        && params.bool("allow-unverified", params.value("allow-unverified"));
    if (allowUnverified && verifier != null) {
      throw new IllegalArgumentException("allow-unverified=true goes without token, hmac-secrets, basic-auth and "
          + "ip-allowlist: remove it, or them");
    }
    if (allowUnverified) {
      builder.allowUnverified();
    }
    params.ifSet("max-body-bytes", value -> builder.maxBodyBytes(params.integer("max-body-bytes", value)));
    params.ifSet("ack-body", builder::ackBody);
    params.ifSet("time-zone", value -> builder.zone(ZoneId.of(value)));
    params.ifSet("ack-deadline-millis",
        value -> builder.ackDeadline(Duration.ofMillis(params.integer("ack-deadline-millis", value))));
    params.ifSet("lease-seconds",
        value -> builder.lease(Duration.ofSeconds(params.integer("lease-seconds", value))));
    params.ifSet("retention-hours",
        value -> builder.retention(Duration.ofHours(params.integer("retention-hours", value))));
    params.ifSet("retry-after-seconds",
        value -> builder.retryAfter(Duration.ofSeconds(params.integer("retry-after-seconds", value))));
    params.ifSet("fail-open", value -> builder.failOpen(params.bool("fail-open", value)));
    params.ifSet("log-phone-numbers", value -> builder.logPhoneNumbers(params.bool("log-phone-numbers", value)));
    if (params.value("dead-letter-max") != null && params.value("dead-letter-dir") == null) {
      throw new IllegalArgumentException("dead-letter-max is set but no dead-letter-dir");
    }
    params.ifSet("dead-letter-dir", directory -> builder.observer(PushObserver.deadLetterDirectory(Path.of(directory),
        params.positive("dead-letter-max", DEFAULT_DEAD_LETTER_MAX))));
    String configurer = parameters.apply("configurer");
    int sweepMinutes = params.positive("dedup-sweep-minutes", DEFAULT_SWEEP_MINUTES);
    DedupStore store = parameters.apply("dedup") == null ? null : DedupStores.fromSpec(parameters.apply("dedup"));
    PushReceiver receiver;
    try {
      if (store != null) {
        builder.dedupStore(store);
      }
      if (configurer != null) {
        configure(builder, configurer.trim());
      }
      receiver = build(builder);
    } catch (RuntimeException | ServletException failed) {
      if (store != null) {
        store.close();
      }
      throw failed;
    }
    if (store == null) {
      return new Resolved(receiver, receiver::close);
    }
    OwnedThreads sweeperThread = OwnedThreads.named("callpush-dedup-sweeper");
    ScheduledExecutorService sweeper = sweeper(store, sweepMinutes, sweeperThread);
    return new Resolved(receiver, () -> {
      if (!sweeperThread.shutDown(sweeper, SWEEP_STOP)) {
        sweeperThread.shutDownNow(sweeper);
      }
      receiver.close();
      store.close();
    });
  }

  /** The receiver, or the reason in init-param terms why it may not be built without verification. */
  private static PushReceiver build(PushReceiver.Builder builder) throws ServletException {
    try {
      return builder.build();
    } catch (IllegalStateException unverified) {
      throw new ServletException("no verification: set the init-param token, hmac-secrets, basic-auth or "
          + "ip-allowlist (or a verifier in the configurer); to accept pushes from anyone who can reach the endpoint, "
          + "set allow-unverified=true");
    }
  }

  /** Sweeps expired entries out of the configured store every {@code minutes}. */
  private static ScheduledExecutorService sweeper(DedupStore store, int minutes, OwnedThreads thread) {
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(thread);
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        store.sweep();
      } catch (RuntimeException failed) {
        LoggerFactory.getLogger(InitParameters.class).warn("sweeping the dedup store failed; retrying later", failed);
      }
    }, minutes, minutes, TimeUnit.MINUTES);
    return sweeper;
  }

  /** The verifier the verification init-params describe, or null when none is set. */
  private static PushVerifier verifier(Params params) {
    Map<String, String> basicUsers = new LinkedHashMap<>();
    for (String user : params.list("basic-auth")) {
      int colon = user.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("basic-auth entries must be user:password");
      }
      basicUsers.put(user.substring(0, colon), user.substring(colon + 1));
    }
    String tolerance = params.value("hmac-tolerance-seconds");
    VerifierSettings settings = new VerifierSettings(
        params.list("ip-allowlist"), params.list("trusted-proxies"),
        params.list("token"), params.value("token-parameter"), params.value("token-header"),
        params.list("hmac-secrets"),
        tolerance == null ? null : Duration.ofSeconds(params.integer("hmac-tolerance-seconds", tolerance)),
        basicUsers);
    return settings.verifier((setting, entry, shown, reason, cause) ->
        new IllegalArgumentException(initParam(setting) + ": " + reason, cause));
  }

  /** The init-param of a verification setting: its kebab name, but for three that web.xml spells its own way. */
  private static String initParam(VerifierSettings.Setting setting) {
    return switch (setting) {
      case TOKENS -> "token";
      case HMAC_TOLERANCE -> "hmac-tolerance-seconds";
      case BASIC_USERS -> "basic-auth";
      default -> setting.kebabName();
    };
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
  private record Params(Function<String, String> source) {

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

    /** The parameter as a positive whole number, or {@code absent} when it is not set. */
    int positive(String name, int absent) {
      String value = value(name);
      if (value == null) {
        return absent;
      }
      int number = integer(name, value);
      if (number <= 0) {
        throw new IllegalArgumentException(name + " must be positive but was " + number);
      }
      return number;
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

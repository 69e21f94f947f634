package io.github.callpush.internal;

import io.github.callpush.PushReceiver;
import io.github.callpush.PushReceiverConfigurer;
import io.github.callpush.PushServlet;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.DedupStores;
import io.github.callpush.verify.BasicAuthVerifier;
import io.github.callpush.verify.IpAllowlistVerifier;
import io.github.callpush.verify.PushVerifier;
import io.github.callpush.verify.StandardWebhookVerifier;
import io.github.callpush.verify.TokenVerifier;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import java.lang.reflect.InvocationTargetException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.LoggerFactory;

/**
 * Builds the receiver of a {@code web.xml}-declared servlet or filter from its init-params. Unknown
 * parameter names are an error, so that a typo never leaves the endpoint open.
 */
public final class InitParameters {

  /** Every init-param this reads, as documented in the README. */
  static final Set<String> KNOWN = Set.of(
      "receiver-attribute", "configurer", "paths",
      "token", "token-parameter", "token-header",
      "hmac-secrets", "hmac-tolerance-seconds",
      "basic-auth",
      "ip-allowlist", "trusted-proxies",
      "max-body-bytes", "ack-body", "time-zone", "ack-deadline-millis",
      "lease-seconds", "retention-hours", "retry-after-seconds", "fail-open", "log-phone-numbers",
      "dedup", "dedup-sweep-minutes");

  private static final int DEFAULT_SWEEP_MINUTES = 10;

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
        throw new ServletException("unknown callpush init-param '" + name + "'; known: " + KNOWN);
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
    List<PushVerifier> verifiers = verifiers(params);
    if (!verifiers.isEmpty()) {
      builder.verifier(PushVerifier.allOf(verifiers.toArray(PushVerifier[]::new)));
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
    DedupStore store = parameters.apply("dedup") == null ? null : DedupStores.fromSpec(parameters.apply("dedup"));
    if (store != null) {
      builder.dedupStore(store);
    }
    params.ifSet("fail-open", value -> builder.failOpen(params.bool("fail-open", value)));
    params.ifSet("log-phone-numbers", value -> builder.logPhoneNumbers(params.bool("log-phone-numbers", value)));
    String configurer = parameters.apply("configurer");
    if (configurer != null) {
      configure(builder, configurer.trim());
    }
    PushReceiver receiver = builder.build();
    ScheduledExecutorService sweeper = store == null ? null : sweeper(store, params);
    return new Resolved(receiver, () -> {
      receiver.close();
      if (store != null) {
        sweeper.shutdownNow();
        store.close();
      }
    });
  }

  /** Sweeps expired entries out of the configured store every {@code dedup-sweep-minutes} (default 10). */
  private static ScheduledExecutorService sweeper(DedupStore store, Params params) {
    String configured = params.source().apply("dedup-sweep-minutes");
    int minutes = configured == null ? DEFAULT_SWEEP_MINUTES : params.integer("dedup-sweep-minutes", configured.trim());
    if (minutes <= 0) {
      throw new IllegalArgumentException("dedup-sweep-minutes must be positive but was " + minutes);
    }
    ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "callpush-dedup-sweeper");
      thread.setDaemon(true);
      return thread;
    });
    sweeper.scheduleWithFixedDelay(() -> {
      try {
        store.sweep();
      } catch (RuntimeException failed) {
        LoggerFactory.getLogger(InitParameters.class).warn("sweeping the dedup store failed; retrying later", failed);
      }
    }, minutes, minutes, TimeUnit.MINUTES);
    return sweeper;
  }

  private static List<PushVerifier> verifiers(Params params) {
    List<PushVerifier> verifiers = new ArrayList<>();
    List<String> allowed = params.list("ip-allowlist");
    if (!allowed.isEmpty()) {
      IpAllowlistVerifier.Builder ip = IpAllowlistVerifier.builder();
      allowed.forEach(ip::allow);
      params.list("trusted-proxies").forEach(ip::trustedProxy);
      verifiers.add(ip.build());
    } else if (params.isSet("trusted-proxies")) {
      throw new IllegalArgumentException("trusted-proxies only matter with an ip-allowlist, and none is set");
    }
    List<String> tokens = params.list("token");
    if (!tokens.isEmpty()) {
      TokenVerifier.Builder token = TokenVerifier.builder();
      tokens.forEach(token::token);
      params.ifSet("token-parameter", token::queryParameter);
      params.ifSet("token-header", token::header);
      verifiers.add(token.build());
    } else if (params.isSet("token-parameter") || params.isSet("token-header")) {
      throw new IllegalArgumentException("a token-parameter or token-header is set but no token");
    }
    List<String> secrets = params.list("hmac-secrets");
    if (!secrets.isEmpty()) {
      StandardWebhookVerifier.Builder hmac = StandardWebhookVerifier.builder();
      secrets.forEach(hmac::secret);
      params.ifSet("hmac-tolerance-seconds",
          value -> hmac.tolerance(Duration.ofSeconds(params.integer("hmac-tolerance-seconds", value))));
      verifiers.add(hmac.build());
    }
    List<String> users = params.list("basic-auth");
    if (!users.isEmpty()) {
      BasicAuthVerifier.Builder basic = BasicAuthVerifier.builder();
      for (String user : users) {
        int colon = user.indexOf(':');
        if (colon <= 0) {
          throw new IllegalArgumentException("basic-auth entries must be user:password");
        }
        basic.user(user.substring(0, colon), user.substring(colon + 1));
      }
      verifiers.add(basic.build());
    }
    return verifiers;
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

    boolean isSet(String name) {
      String value = source.apply(name);
      return value != null && !value.isBlank();
    }

    void ifSet(String name, Consumer<String> apply) {
      if (isSet(name)) {
        apply.accept(source.apply(name).trim());
      }
    }

    List<String> list(String name) {
      String value = source.apply(name);
      if (value == null || value.isBlank()) {
        return List.of();
      }
      return Arrays.stream(value.split("[,\\s]+")).filter(item -> !item.isEmpty()).toList();
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

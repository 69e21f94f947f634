package io.github.callpush;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.DedupStores;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.PushForwarders;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.internal.Placeholders;
import io.github.callpush.verify.BasicAuthVerifier;
import io.github.callpush.verify.IpAllowlistVerifier;
import io.github.callpush.verify.PushVerifier;
import io.github.callpush.verify.StandardWebhookVerifier;
import io.github.callpush.verify.TokenVerifier;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The settings of a push endpoint as people write them, whichever front end reads them: {@code web.xml}
 * init-params, Spring Boot's {@code callpush.*} properties and the fixtures' {@code serve} flags all bind
 * to this one model, and take their defaults from its {@code DEFAULT_*} constants. It fails closed: a value
 * that would leave the endpoint open or do nothing is refused with an {@link InvalidSettingException}
 * naming the {@link Setting}, which each front end reports under its own name for it.
 *
 * <pre>{@code
 * EndpointSettings settings = EndpointSettings.builder().tokens(List.of(token)).dedupStore("redis://db:6379").build();
 * ReceiverSetup setup = settings.configure();
 * setup.builder().onAny("audit", audit::save);
 * PushReceiver receiver = setup.build(); // setup.close() stops the sweeper, the receiver and the store
 * }</pre>
 */
public final class EndpointSettings {

  /** The default body of a 200 answer. */
  public static final String DEFAULT_ACK_BODY = "success";
  /** The default largest body accepted: 256 KiB. */
  public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;
  /** The default zone of {@code yyyy-MM-dd HH:mm:ss} times: {@code Asia/Shanghai}. */
  public static final ZoneId DEFAULT_TIME_ZONE = PushDecoder.DEFAULT_ZONE;
  /** The default time a claim protects a running listener. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
  /** The default time a finished listener is remembered. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);
  /** The default {@code Retry-After} of 503 answers. */
  public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(10);
  /** The default distance a signature's timestamp may lie from now, either way. */
  public static final Duration DEFAULT_HMAC_TOLERANCE = StandardWebhookVerifier.DEFAULT_TOLERANCE;
  /** The default interval between sweeps of expired entries out of the dedup store. */
  public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofMinutes(10);
  /** The default number of dead letters a directory keeps. */
  public static final int DEFAULT_DEAD_LETTER_MAXIMUM = 1000;
  /** Shown instead of a secret's value. */
  public static final String HIDDEN = "******";

  /** The id under which the forwarder {@link Builder#forward} names listens: the same on every node. */
  public static final String FORWARD_LISTENER_ID = "callpush-forward";

  /** A setting, as refusals name it; each front end has its own name for each. */
  public enum Setting {
    TOKENS, TOKEN_PARAMETER, TOKEN_HEADER, HMAC_SECRETS, HMAC_TOLERANCE, BASIC_USERS, IP_ALLOWLIST, TRUSTED_PROXIES,
    ALLOW_UNVERIFIED, MAX_BODY_BYTES, ACK_BODY, TIME_ZONE, ACK_DEADLINE, LEASE, RETENTION, RETRY_AFTER, FAIL_OPEN,
    LOG_PHONE_NUMBERS, DEDUP_STORE, SWEEP_INTERVAL, DEAD_LETTER_DIRECTORY, DEAD_LETTER_MAXIMUM, FORWARD;

    /** Its name in kebab case ({@code ip-allowlist}), which a front end may spell its own way. */
    public String kebabName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Builder values;
  private final PushVerifier verifier;

  private EndpointSettings(Builder values, PushVerifier verifier) {
    this.values = values;
    this.verifier = verifier;
  }

  /** A builder with every default: no verification (which {@link Builder#build} refuses without allow-unverified). */
  public static Builder builder() {
    return new Builder();
  }

  /** How often expired entries are swept out of the dedup store. */
  public Duration sweepInterval() {
    return values.sweepInterval;
  }

  /**
   * A receiver builder with these settings applied, and the dedup store {@link Builder#dedupStore} names
   * opened; add listeners, observers and a front end's own adjustments, then {@link ReceiverSetup#build}.
   *
   * @throws InvalidSettingException for a value the receiver, the store or the dead-letter directory refuses
   */
  public ReceiverSetup configure() {
    PushReceiver.Builder builder = PushReceiver.builder()
        .failOpen(values.failOpen)
        .logPhoneNumbers(values.logPhoneNumbers)
        .zone(values.timeZone)
        .ackBody(values.ackBody);
    if (verifier != null) {
      builder.verifier(verifier);
    } else if (values.allowUnverified) {
      builder.allowUnverified();
    }
    apply(Setting.MAX_BODY_BYTES, null, values.maxBodyBytes,
        () -> builder.maxBodyBytes((int) Math.min(values.maxBodyBytes, Integer.MAX_VALUE)));
    apply(Setting.LEASE, null, values.lease, () -> builder.lease(values.lease));
    apply(Setting.RETENTION, null, values.retention, () -> builder.retention(values.retention));
    apply(Setting.RETRY_AFTER, null, values.retryAfter, () -> builder.retryAfter(values.retryAfter));
    if (values.ackDeadline != null) {
      apply(Setting.ACK_DEADLINE, null, values.ackDeadline, () -> builder.ackDeadline(values.ackDeadline));
    }
    if (values.deadLetterDirectory != null) {
      builder.observer(make(Setting.DEAD_LETTER_DIRECTORY, null, values.deadLetterDirectory,
          () -> PushObserver.deadLetterDirectory(values.deadLetterDirectory, values.deadLetterMaximum)));
    }
    DedupStore store = values.dedupStore == null ? null
        : make(Setting.DEDUP_STORE, null, HIDDEN, () -> DedupStores.fromSpec(values.dedupStore));
    PushForwarder forwarder = null;
    if (values.forward != null) {
      try {
        forwarder = make(Setting.FORWARD, null, PushForwarders.shown(values.forward),
            () -> PushForwarders.fromSpec(values.forward));
      } catch (InvalidSettingException refused) {
        if (store != null) {
          store.close();
        }
        throw refused;
      }
      builder.onReceived(FORWARD_LISTENER_ID, forwarder);
    }
    return new ReceiverSetup(builder, store, forwarder, values.sweepInterval,
        verifier != null || values.allowUnverified);
  }

  /** Runs {@code apply}; what it refuses becomes an {@link InvalidSettingException} naming {@code setting}. */
  private static void apply(Setting setting, String entry, Object shown, Runnable apply) {
    make(setting, entry, shown, () -> {
      apply.run();
      return null;
    });
  }

  /** What {@code make} returns; what it refuses becomes an {@link InvalidSettingException} naming {@code setting}. */
  private static <T> T make(Setting setting, String entry, Object shown, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | IllegalStateException | DateTimeException refused) {
      throw InvalidSettingException.refused(setting, entry, shown, refused.getMessage(), refused);
    }
  }

  /** The values of {@link EndpointSettings}; each setter names a setting, {@link #build} checks them together. */
  public static final class Builder {

    private List<String> tokens = List.of();
    private String tokenParameter;
    private String tokenHeader;
    private List<String> hmacSecrets = List.of();
    private Duration hmacTolerance = DEFAULT_HMAC_TOLERANCE;
    private Map<String, String> basicUsers = Map.of();
    private List<String> ipAllowlist = List.of();
    private List<String> trustedProxies = List.of();
    private boolean allowUnverified;
    private long maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
    private String ackBody = DEFAULT_ACK_BODY;
    private ZoneId timeZone = DEFAULT_TIME_ZONE;
    private Duration ackDeadline;
    private Duration lease = DEFAULT_LEASE;
    private Duration retention = DEFAULT_RETENTION;
    private Duration retryAfter = DEFAULT_RETRY_AFTER;
    private boolean failOpen;
    private boolean logPhoneNumbers;
    private String dedupStore;
    private String forward;
    private Duration sweepInterval = DEFAULT_SWEEP_INTERVAL;
    private Path deadLetterDirectory;
    private int deadLetterMaximum = DEFAULT_DEAD_LETTER_MAXIMUM;

    private Builder() {}

    /** Shared tokens, any of which is accepted (several during a rotation). */
    public Builder tokens(List<String> tokens) {
      this.tokens = List.copyOf(tokens);
      return this;
    }

    /** The query parameter carrying the token, or null; with neither it nor a header, {@code token}. */
    public Builder tokenParameter(String tokenParameter) {
      this.tokenParameter = tokenParameter;
      return this;
    }

    /** The header carrying the token, or null. */
    public Builder tokenHeader(String tokenHeader) {
      this.tokenHeader = tokenHeader;
      return this;
    }

    /** Standard Webhooks signing secrets, each {@code whsec_} + base64 (several during a rotation). */
    public Builder hmacSecrets(List<String> hmacSecrets) {
      this.hmacSecrets = List.copyOf(hmacSecrets);
      return this;
    }

    /** How far a signature's timestamp may lie from now, either way; default 5 min. */
    public Builder hmacTolerance(Duration hmacTolerance) {
      this.hmacTolerance = Objects.requireNonNull(hmacTolerance, "hmacTolerance");
      return this;
    }

    /** HTTP Basic users and their passwords. */
    public Builder basicUsers(Map<String, String> basicUsers) {
      this.basicUsers = Collections.unmodifiableMap(new LinkedHashMap<>(basicUsers));
      return this;
    }

    /** Addresses or CIDR blocks allowed to push, IPv4 or IPv6. */
    public Builder ipAllowlist(List<String> ipAllowlist) {
      this.ipAllowlist = List.copyOf(ipAllowlist);
      return this;
    }

    /** Proxies (addresses or CIDR blocks) trusted to name the client in {@code X-Forwarded-For}; needs an allowlist. */
    public Builder trustedProxies(List<String> trustedProxies) {
      this.trustedProxies = List.copyOf(trustedProxies);
      return this;
    }

    /** Serve pushes from anyone, with no check, on purpose; refused together with any verification setting. */
    public Builder allowUnverified(boolean allowUnverified) {
      this.allowUnverified = allowUnverified;
      return this;
    }

    /** The largest body accepted, in bytes (above {@code Integer.MAX_VALUE}, that); default 256 KiB. */
    public Builder maxBodyBytes(long maxBodyBytes) {
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The body of a 200 answer; default {@code success}. */
    public Builder ackBody(String ackBody) {
      this.ackBody = Objects.requireNonNull(ackBody, "ackBody");
      return this;
    }

    /** The zone of {@code yyyy-MM-dd HH:mm:ss} times in pushes; default {@code Asia/Shanghai}. */
    public Builder timeZone(ZoneId timeZone) {
      this.timeZone = Objects.requireNonNull(timeZone, "timeZone");
      return this;
    }

    /** Answer 503 with {@code Retry-After} when listeners still run after this, or null (default) for never. */
    public Builder ackDeadline(Duration ackDeadline) {
      this.ackDeadline = ackDeadline;
      return this;
    }

    /** How long a running listener's claim holds before another delivery may take it over; default 2 min. */
    public Builder lease(Duration lease) {
      this.lease = Objects.requireNonNull(lease, "lease");
      return this;
    }

    /** How long a handled event is remembered; must outlast the platform's retries; default 24 h. */
    public Builder retention(Duration retention) {
      this.retention = Objects.requireNonNull(retention, "retention");
      return this;
    }

    /** The {@code Retry-After} of 503 answers; default 10 s. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
      return this;
    }

    /** Run listeners without dedup when the dedup store is down, instead of answering 503. */
    public Builder failOpen(boolean failOpen) {
      this.failOpen = failOpen;
      return this;
    }

    /** Log phone numbers in full instead of masked. */
    public Builder logPhoneNumbers(boolean logPhoneNumbers) {
      this.logPhoneNumbers = logPhoneNumbers;
      return this;
    }

    /** The dedup store as a {@linkplain DedupStores#fromSpec spec}, or null for the receiver's own. */
    public Builder dedupStore(String spec) {
      this.dedupStore = spec;
      return this;
    }

    /**
     * Hand every push on to a message broker, acknowledging it only once the broker confirmed: a URI such as
     * {@code kafka://host:9092/topic} or {@code amqp://user:password@host:5672/vhost?exchange=callpush}, served by
     * the forwarding module of its scheme on the classpath (see {@link PushForwarders}); null (default) for none.
     * The forwarder listens under {@link EndpointSettings#FORWARD_LISTENER_ID}.
     */
    public Builder forward(String spec) {
      this.forward = spec;
      return this;
    }

    /** How often expired entries are swept out of the dedup store; default 10 min. */
    public Builder sweepInterval(Duration sweepInterval) {
      this.sweepInterval = Objects.requireNonNull(sweepInterval, "sweepInterval");
      return this;
    }

    /** Keep every rejected push in this directory, or null (default) for nowhere. */
    public Builder deadLetterDirectory(Path deadLetterDirectory) {
      this.deadLetterDirectory = deadLetterDirectory;
      return this;
    }

    /** At most this many dead letters stay in the directory; default 1000. */
    public Builder deadLetterMaximum(int deadLetterMaximum) {
      this.deadLetterMaximum = deadLetterMaximum;
      return this;
    }

    /**
     * The settings, with their verifier made.
     *
     * @throws InvalidSettingException for a value a verifier refuses, an unresolved {@code ${...}}
     *     placeholder, allow-unverified together with verification, trusted proxies without an allowlist, a
     *     token parameter or header without a token, or a sweep interval or dead-letter maximum below one
     */
    public EndpointSettings build() {
      refuseUnresolved();
      PushVerifier verifier = verifier();
      if (verifier != null && allowUnverified) {
        throw InvalidSettingException.refused(Setting.ALLOW_UNVERIFIED, null, true,
            "allow-unverified goes without verification settings: remove it, or them", null);
      }
      if (sweepInterval.isNegative() || sweepInterval.isZero()) {
        throw InvalidSettingException.refused(Setting.SWEEP_INTERVAL, null, sweepInterval,
            "must be positive but was " + sweepInterval, null);
      }
      if (deadLetterMaximum <= 0) {
        throw InvalidSettingException.refused(Setting.DEAD_LETTER_MAXIMUM, null, deadLetterMaximum,
            "must be positive but was " + deadLetterMaximum, null);
      }
      return new EndpointSettings(new Builder(this), verifier);
    }

    /** A copy of {@code from}, so that later changes to it do not reach built settings. */
    private Builder(Builder from) {
      tokens = from.tokens;
      tokenParameter = from.tokenParameter;
      tokenHeader = from.tokenHeader;
      hmacSecrets = from.hmacSecrets;
      hmacTolerance = from.hmacTolerance;
      basicUsers = from.basicUsers;
      ipAllowlist = from.ipAllowlist;
      trustedProxies = from.trustedProxies;
      allowUnverified = from.allowUnverified;
      maxBodyBytes = from.maxBodyBytes;
      ackBody = from.ackBody;
      timeZone = from.timeZone;
      ackDeadline = from.ackDeadline;
      lease = from.lease;
      retention = from.retention;
      retryAfter = from.retryAfter;
      failOpen = from.failOpen;
      logPhoneNumbers = from.logPhoneNumbers;
      dedupStore = from.dedupStore;
      forward = from.forward;
      sweepInterval = from.sweepInterval;
      deadLetterDirectory = from.deadLetterDirectory;
      deadLetterMaximum = from.deadLetterMaximum;
    }

    /** Refuses a text value that still holds a {@code ${...}} placeholder, which would otherwise count as set. */
    private void refuseUnresolved() {
      tokens.forEach(token -> refuseUnresolved(Setting.TOKENS, null, token, HIDDEN));
      hmacSecrets.forEach(secret -> refuseUnresolved(Setting.HMAC_SECRETS, null, secret, HIDDEN));
      basicUsers.forEach((user, password) -> refuseUnresolved(Setting.BASIC_USERS, user, user + password, HIDDEN));
      ipAllowlist.forEach(cidr -> refuseUnresolved(Setting.IP_ALLOWLIST, null, cidr, cidr));
      trustedProxies.forEach(cidr -> refuseUnresolved(Setting.TRUSTED_PROXIES, null, cidr, cidr));
      refuseUnresolved(Setting.TOKEN_PARAMETER, null, tokenParameter, tokenParameter);
      refuseUnresolved(Setting.TOKEN_HEADER, null, tokenHeader, tokenHeader);
      refuseUnresolved(Setting.ACK_BODY, null, ackBody, ackBody);
      refuseUnresolved(Setting.DEDUP_STORE, null, dedupStore, HIDDEN);
      refuseUnresolved(Setting.FORWARD, null, forward, PushForwarders.shown(forward));
      refuseUnresolved(Setting.DEAD_LETTER_DIRECTORY, null,
          deadLetterDirectory == null ? null : deadLetterDirectory.toString(), deadLetterDirectory);
    }

    private static void refuseUnresolved(Setting setting, String entry, String value, Object shown) {
      if (Placeholders.isUnresolved(value)) {
        throw InvalidSettingException.refused(setting, entry, shown,
            "is an unresolved ${...} placeholder: define what it names, or write the value itself", null);
      }
    }

    /** The verifier these settings describe (all of its checks must pass), or null when none is configured. */
    private PushVerifier verifier() {
      List<PushVerifier> verifiers = new ArrayList<>();
      if (!ipAllowlist.isEmpty()) {
        IpAllowlistVerifier.Builder ip = IpAllowlistVerifier.builder();
        ipAllowlist.forEach(cidr -> apply(Setting.IP_ALLOWLIST, null, cidr, () -> ip.allow(cidr)));
        trustedProxies.forEach(cidr -> apply(Setting.TRUSTED_PROXIES, null, cidr, () -> ip.trustedProxy(cidr)));
        verifiers.add(ip.build());
      } else if (!trustedProxies.isEmpty()) {
        throw InvalidSettingException.refused(Setting.TRUSTED_PROXIES, null, String.join(",", trustedProxies),
            "trusted proxies only matter with an ip-allowlist, and none is set", null);
      }
      if (!tokens.isEmpty()) {
        TokenVerifier.Builder token = TokenVerifier.builder();
        tokens.forEach(value -> apply(Setting.TOKENS, null, HIDDEN, () -> token.token(value)));
        if (tokenParameter != null) {
          apply(Setting.TOKEN_PARAMETER, null, tokenParameter, () -> token.queryParameter(tokenParameter));
        }
        if (tokenHeader != null) {
          apply(Setting.TOKEN_HEADER, null, tokenHeader, () -> token.header(tokenHeader));
        }
        verifiers.add(token.build());
      } else if (tokenParameter != null || tokenHeader != null) {
        throw InvalidSettingException.refused(Setting.TOKENS, null, "",
            "a token parameter or header is set but no token", null);
      }
      if (!hmacSecrets.isEmpty()) {
        StandardWebhookVerifier.Builder hmac = StandardWebhookVerifier.builder();
        hmacSecrets.forEach(secret -> apply(Setting.HMAC_SECRETS, null, HIDDEN, () -> hmac.secret(secret)));
        apply(Setting.HMAC_TOLERANCE, null, hmacTolerance, () -> hmac.tolerance(hmacTolerance));
        verifiers.add(hmac.build());
      }
      if (!basicUsers.isEmpty()) {
        BasicAuthVerifier.Builder basic = BasicAuthVerifier.builder();
        basicUsers.forEach((user, password) ->
            apply(Setting.BASIC_USERS, user, HIDDEN, () -> basic.user(user, password)));
        verifiers.add(basic.build());
      }
      return verifiers.isEmpty() ? null : PushVerifier.allOf(verifiers.toArray(PushVerifier[]::new));
    }
  }
}

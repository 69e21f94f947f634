package io.github.callpush;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.event.PushEvent;
import io.github.callpush.verify.PushVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container-agnostic engine: takes one HTTP request carrying a push and answers it so that the
 * platform's retries are safe. Limits, then verifies, decodes, claims each matching listener in the
 * dedup store, runs those it claimed, and answers 2xx only once every matching listener is done.
 * {@link PushServlet}, {@link PushFilter}, the Spring adapter and the test fixtures all adapt it.
 *
 * <pre>{@code
 * PushReceiver receiver = PushReceiver.builder()
 *     .verifier(TokenVerifier.builder().token(System.getenv("CALLPUSH_TOKEN")).build())
 *     .on("crm-popup", OutboundRing.class, ring -> crm.popUp(ring.call().customerNumber()))
 *     .on("cdr-archive", CallRecord.class, archive::save)
 *     .build();
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the threads it started (listeners, acknowledgement deadline) and the
 * default in-memory store.
 */
public final class PushReceiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);

  private final ReceiverSettings settings;
  private final Pipeline pipeline;

  private PushReceiver(ReceiverSettings settings) {
    this.settings = settings;
    this.pipeline = new Pipeline(settings);
    if (settings.verifier() == null) {
      LOG.warn("callpush receiver accepts unverified pushes (allowUnverified): anyone who can reach it can push "
          + "events; configure a token, signature, IP allowlist or Basic users");
    }
  }

  /**
   * A builder with the defaults: in-memory dedup, 24 h retention, 256 KiB limit. It needs a
   * {@linkplain Builder#verifier verifier}, or an explicit {@link Builder#allowUnverified()}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The listeners; registering more while pushes arrive is fine. */
  public ListenerRegistry listeners() {
    return settings.listeners();
  }

  /**
   * What this receiver checks and uses, in one line without secrets, for the start-up log: the
   * verification, the dedup store, the body limit and the acknowledgement deadline.
   */
  public String describe() {
    return settings.describe();
  }

  /**
   * Handles one request and answers it, on the calling thread. With an acknowledgement deadline the
   * listeners run on the listener executor while the calling thread waits for them until the deadline, and
   * past it answers 503 with {@code Retry-After}: they finish and complete their claims anyway, so the
   * platform's retry finds the event done. Without one, they run on the calling thread.
   */
  public PushResponse handle(PushRequest request) {
    return pipeline.handle(request);
  }

  /**
   * Handles one request without waiting for the listeners, for adapters that can answer from another
   * thread: as {@link #handle}, but the answer completes when the listeners are done or at the
   * acknowledgement deadline, whichever comes first. Without a deadline it is {@link #handle}'s, done.
   */
  public CompletableFuture<PushResponse> handleAsync(PushRequest request) {
    return pipeline.handleAsync(request);
  }

  /**
   * Stops the listener executor it created, waiting up to the {@linkplain Builder#shutdownGrace grace}
   * for listeners still running after their acknowledgement deadline, so that their completions are
   * recorded; then its acknowledgement deadline thread; then the in-memory store it created. User-given
   * executors and stores stay as they are. Pushes handled after {@code close} run their listeners on the
   * calling thread.
   */
  @Override
  public void close() {
    pipeline.close();
    if (settings.ownsStore()) {
      settings.store().close();
    }
  }

  /** The settings it was built with, for the servlet adapters in this package. */
  ReceiverSettings settings() {
    return settings;
  }

  /** Whether {@link #handleAsync} may answer before the listeners end. */
  boolean hasAckDeadline() {
    return pipeline.hasAckDeadline();
  }

  /** Answers a rejection an adapter found while reading the body (over the limit, cut short). */
  PushResponse refuse(PushRequest request, Rejection rejection) {
    return pipeline.refuse(request, rejection);
  }

  /** Settings of a {@link PushReceiver}; each setter checks its value at once and names it in its error. */
  public static final class Builder {

    private PushVerifier verifier;
    private boolean allowUnverified;
    private final ListenerRegistry listeners = new ListenerRegistry();
    private DedupStore store;
    private PushDecoder decoder;
    private ZoneId zone = EndpointSettings.DEFAULT_TIME_ZONE;
    private String ackBody = EndpointSettings.DEFAULT_ACK_BODY;
    private int maxBodyBytes = EndpointSettings.DEFAULT_MAX_BODY_BYTES;
    private Clock clock = Clock.systemUTC();
    private Duration lease = EndpointSettings.DEFAULT_LEASE;
    private Duration retention = EndpointSettings.DEFAULT_RETENTION;
    private Duration retryAfter = EndpointSettings.DEFAULT_RETRY_AFTER;
    private Duration ackDeadline;
    private Executor listenerExecutor;
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private boolean failOpen;
    private boolean logPhoneNumbers;
    private boolean logListenerFailures = true;
    private final List<PushObserver> observers = new ArrayList<>();

    private Builder() {}

    /** Who may push: a token, signature, address or Basic verifier, or several with {@link PushVerifier#allOf}. */
    public Builder verifier(PushVerifier verifier) {
      this.verifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    /**
     * Accepts pushes without any verification: anyone who can reach the endpoint can push events.
     * Only for a receiver that nothing untrusted can reach (a test, a private network behind a
     * verifying gateway); the receiver WARNs at every start. Without it, {@link #build} refuses a
     * receiver that has no {@link #verifier}; with a verifier, it changes nothing.
     */
    public Builder allowUnverified() {
      this.allowUnverified = true;
      return this;
    }

    /** Registers a listener for one event type under a stable id; see {@link ListenerRegistry}. */
    public <E extends PushEvent> Builder on(String id, Class<E> type, PushListener<? super E> listener) {
      listeners.on(id, type, listener);
      return this;
    }

    /** Registers a listener for one {@code pushType} under a stable id. */
    public Builder onPushType(String id, String pushType, PushListener<PushEvent> listener) {
      listeners.onPushType(id, pushType, listener);
      return this;
    }

    /** Registers a listener for every event under a stable id. */
    public Builder onAny(String id, PushListener<PushEvent> listener) {
      listeners.onAny(id, listener);
      return this;
    }

    /** Registers a listener of every push as received (bytes, content type, dedup key) under a stable id. */
    public Builder onReceived(String id, ReceivedPushListener listener) {
      listeners.onReceived(id, listener);
      return this;
    }

    /** Where claims are kept; default an in-memory store (one node). Share a JDBC or Redis store across nodes. */
    public Builder dedupStore(DedupStore store) {
      this.store = Objects.requireNonNull(store, "dedupStore");
      return this;
    }

    /** The decoder; default one in {@link #zone}. */
    public Builder decoder(PushDecoder decoder) {
      this.decoder = Objects.requireNonNull(decoder, "decoder");
      return this;
    }

    /** The zone of {@code yyyy-MM-dd HH:mm:ss} times; default {@code Asia/Shanghai}. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The body of a 200 answer: {@code ""}, {@code success} (default), or JSON such as {@code {"code":0}}. */
    public Builder ackBody(String ackBody) {
      this.ackBody = Objects.requireNonNull(ackBody, "ackBody");
      return this;
    }

    /** The largest body accepted, in bytes; default 256 KiB. Larger ones get 413 unread. */
    public Builder maxBodyBytes(int maxBodyBytes) {
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException("maxBodyBytes must be positive but was " + maxBodyBytes);
      }
      this.maxBodyBytes = maxBodyBytes;
      return this;
    }

    /** The clock of dead letters and of the default in-memory store; default the system's UTC clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long a claim protects a running listener before another delivery may take it over; default 2 min. */
    public Builder lease(Duration lease) {
      this.lease = positive("lease", lease);
      return this;
    }

    /** How long a finished listener is remembered; must outlast the platform's retries; default 24 h. */
    public Builder retention(Duration retention) {
      this.retention = positive("retention", retention);
      return this;
    }

    /** The {@code Retry-After} of 503 answers; default 10 s. */
    public Builder retryAfter(Duration retryAfter) {
      this.retryAfter = positive("retryAfter", retryAfter);
      return this;
    }

    /**
     * Answer 503 with {@code Retry-After} when listeners are still running after {@code deadline}
     * (set it below the platform's timeout); they finish on the listener executor. Default: none.
     */
    public Builder ackDeadline(Duration deadline) {
      this.ackDeadline = positive("ackDeadline", deadline);
      return this;
    }

    /** Where listeners run when an acknowledgement deadline is set; default a pool of up to 64 daemon threads. */
    public Builder listenerExecutor(Executor executor) {
      this.listenerExecutor = Objects.requireNonNull(executor, "listenerExecutor");
      return this;
    }

    /**
     * How long {@link PushReceiver#close} waits for listeners still running on the default listener
     * executor after their acknowledgement deadline (a redeploy while a slow listener runs), so that they
     * finish and record their completion instead of running again after their lease. Default 10 s.
     */
    public Builder shutdownGrace(Duration grace) {
      Objects.requireNonNull(grace, "shutdownGrace");
      if (grace.isNegative()) {
        throw new IllegalArgumentException("shutdownGrace must not be negative but was " + grace);
      }
      this.shutdownGrace = grace;
      return this;
    }

    /** Run listeners without dedup when the store is down (default false: answer 503 and run none). */
    public Builder failOpen(boolean failOpen) {
      this.failOpen = failOpen;
      return this;
    }

    /** Log phone numbers in full (default false: {@code 173****2391}). */
    public Builder logPhoneNumbers(boolean logPhoneNumbers) {
      this.logPhoneNumbers = logPhoneNumbers;
      return this;
    }

    /**
     * Log every listener that throws at WARN, with its stack trace (default true); turn it off where an
     * {@linkplain #observer observer} reports failures, or where listeners fail on purpose (tests).
     */
    public Builder logListenerFailures(boolean logListenerFailures) {
      this.logListenerFailures = logListenerFailures;
      return this;
    }

    /**
     * Adds an observer, told of every answer and listener failure: metrics, dead letters
     * ({@link PushObserver#deadLetterDirectory}), journals. Observers are told in the order added.
     */
    public Builder observer(PushObserver observer) {
      observers.add(Objects.requireNonNull(observer, "observer"));
      return this;
    }

    /**
     * The receiver.
     *
     * @throws IllegalStateException when no verifier is set and {@link #allowUnverified()} was not called
     */
    public PushReceiver build() {
      if (verifier == null && !allowUnverified) {
        throw new IllegalStateException("no verifier: set verifier(...) (a token, signature, IP allowlist or Basic "
            + "users), or call allowUnverified() to accept pushes from anyone who can reach the endpoint");
      }
      DedupStore dedup = store != null ? store : InMemoryDedupStore.builder().clock(clock).build();
      return new PushReceiver(new ReceiverSettings(verifier, listeners, dedup, store == null,
          decoder != null ? decoder : PushDecoder.builder().zone(zone).build(), ackBody, maxBodyBytes, clock, lease,
          retention, retryAfter, ackDeadline, listenerExecutor, shutdownGrace, failOpen, logPhoneNumbers,
          logListenerFailures, observers));
    }

    private static Duration positive(String name, Duration value) {
      Objects.requireNonNull(value, name);
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }
  }
}

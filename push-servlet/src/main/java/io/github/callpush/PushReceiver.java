package io.github.callpush;

import io.github.callpush.Delivery.Outcome;
import io.github.callpush.PushMetrics.RejectReason;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.decode.PushDecodingException;
import io.github.callpush.event.CallRecord;
import io.github.callpush.event.CallStateEvent;
import io.github.callpush.event.PushEvent;
import io.github.callpush.internal.EventKeys;
import io.github.callpush.internal.PhoneNumbers;
import io.github.callpush.verify.PushVerifier;
import io.github.callpush.verify.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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
 * <p>Thread-safe. {@link #close()} stops the listener executor and the default in-memory store.
 */
public final class PushReceiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final String ALLOWED_METHODS = "POST, GET, HEAD";
  private static final byte[] HEALTH = "callpush receiver: POST pushes here\n".getBytes(StandardCharsets.UTF_8);

  private final PushVerifier verifier;
  private final ListenerRegistry listeners;
  private final DedupStore store;
  private final boolean ownsStore;
  private final PushDecoder decoder;
  private final PushResponse ack;
  private final int maxBodyBytes;
  private final Clock clock;
  private final Duration lease;
  private final Duration retention;
  private final Duration retryAfter;
  private final Duration ackDeadline;
  private final Executor listenerExecutor;
  private final ExecutorService ownedExecutor;
  private final Duration shutdownGrace;
  private final boolean failOpen;
  private final boolean logPhoneNumbers;
  private final PushMetrics metrics;
  private final DeadLetterHook deadLetters;
  private final ListenerFailureHandler failureHandler;

  private PushReceiver(Builder builder) {
    this.verifier = builder.verifier;
    this.listeners = builder.listeners;
    this.ownsStore = builder.store == null;
    this.store = ownsStore ? InMemoryDedupStore.builder().clock(builder.clock).build() : builder.store;
    this.decoder = builder.decoder != null ? builder.decoder : PushDecoder.builder().zone(builder.zone).build();
    this.ack = new PushResponse(200, Map.of(), builder.ackBody.isEmpty() ? null : mediaTypeOf(builder.ackBody),
        builder.ackBody.getBytes(StandardCharsets.UTF_8));
    this.maxBodyBytes = builder.maxBodyBytes;
    this.clock = builder.clock;
    this.lease = builder.lease;
    this.retention = builder.retention;
    this.retryAfter = builder.retryAfter;
    this.ackDeadline = builder.ackDeadline;
    this.ownedExecutor = ackDeadline != null && builder.listenerExecutor == null ? newListenerExecutor() : null;
    this.listenerExecutor = builder.listenerExecutor != null ? builder.listenerExecutor : ownedExecutor;
    this.shutdownGrace = builder.shutdownGrace;
    this.failOpen = builder.failOpen;
    this.logPhoneNumbers = builder.logPhoneNumbers;
    this.metrics = builder.metrics;
    this.deadLetters = builder.deadLetters;
    this.failureHandler = builder.failureHandler;
    if (verifier == null) {
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
    return listeners;
  }

  /** The largest body accepted, in bytes; adapters stop reading past it. */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * What this receiver checks and uses, in one line without secrets, for the start-up log: the
   * verification, the dedup store, the body limit and the acknowledgement deadline.
   */
  public String describe() {
    return "verification " + (verifier == null ? "NONE (allowUnverified)" : verifier)
        + "; dedup " + store
        + "; max body " + maxBodyBytes + " bytes"
        + "; ack deadline " + (ackDeadline == null ? "none" : ackDeadline.toMillis() + " ms");
  }

  /** Whether {@link #handleAsync} answers by a deadline while listeners run on. */
  public boolean hasAckDeadline() {
    return ackDeadline != null;
  }

  /** Handles one request on the calling thread and answers it; listeners run before it returns. */
  public PushResponse handle(PushRequest request) {
    long start = System.nanoTime();
    Object prepared = prepare(request);
    if (prepared instanceof PushResponse rejected) {
      return finish(rejected, null, start);
    }
    Delivery delivery = (Delivery) prepared;
    return finish(answer(delivery, delivery.run()), delivery, start);
  }

  /**
   * Handles one request, running listeners on the listener executor when an acknowledgement deadline
   * is set: if they are still running at the deadline, the answer is 503 with {@code Retry-After}, and
   * they finish and complete their claims anyway, so the platform's retry finds the event done.
   */
  public CompletableFuture<PushResponse> handleAsync(PushRequest request) {
    if (ackDeadline == null) {
      return CompletableFuture.completedFuture(handle(request));
    }
    long start = System.nanoTime();
    Object prepared = prepare(request);
    if (prepared instanceof PushResponse rejected) {
      return CompletableFuture.completedFuture(finish(rejected, null, start));
    }
    Delivery delivery = (Delivery) prepared;
    CompletableFuture<PushResponse> answer = new CompletableFuture<>();
    Runnable run = () -> answer.complete(answer(delivery, delivery.run()));
    try {
      listenerExecutor.execute(run);
    } catch (RejectedExecutionException saturated) {
      run.run();
    }
    return answer
        .completeOnTimeout(null, ackDeadline.toNanos(), TimeUnit.NANOSECONDS)
        .thenApply(response -> finish(response != null ? response : deadlinePassed(delivery), delivery, start));
  }

  /**
   * Stops the listener executor it created, waiting up to the {@linkplain Builder#shutdownGrace grace}
   * for listeners still running after their acknowledgement deadline, so that their completions are
   * recorded; then the in-memory store it created. User-given executors and stores stay as they are.
   */
  @Override
  public void close() {
    if (ownedExecutor != null) {
      ownedExecutor.shutdown();
      try {
        if (!ownedExecutor.awaitTermination(shutdownGrace.toNanos(), TimeUnit.NANOSECONDS)) {
          LOG.warn("closing with listeners still running after {} ms; they finish on their own, and those whose "
              + "completion is not recorded run again when their lease ends", shutdownGrace.toMillis());
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (ownsStore) {
      store.close();
    }
  }

  /** Answers 413 for a body over the limit; adapters call it before reading more than the limit. */
  public PushResponse tooLarge(PushRequest request, byte[] prefix) {
    return reject(request, 413, RejectReason.TOO_LARGE, "payload_too_large",
        "body exceeds the limit of " + maxBodyBytes + " bytes", prefix, true);
  }

  /** Answers 400 for a body that could not be read in full (the client stopped or lied about its length). */
  public PushResponse unreadable(PushRequest request, byte[] prefix, String reason) {
    return reject(request, 400, RejectReason.MALFORMED, "bad_request", reason, prefix, true);
  }

  DedupStore store() {
    return store;
  }

  Duration lease() {
    return lease;
  }

  Clock clock() {
    return clock;
  }

  Duration retention() {
    return retention;
  }

  boolean failOpen() {
    return failOpen;
  }

  PushMetrics metrics() {
    return metrics;
  }

  Logger log() {
    return LOG;
  }

  void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
    try {
      failureHandler.onFailure(event, listenerId, failure);
    } catch (RuntimeException handlerFailed) {
      LOG.warn("listener failure handler threw", handlerFailed);
    }
  }

  /** Either the final answer (a rejection, or a store failure) or a delivery whose listeners are claimed. */
  private Object prepare(PushRequest request) {
    String method = request.method();
    if ("GET".equals(method) || "HEAD".equals(method)) {
      return new PushResponse(200, Map.of(), TEXT, "HEAD".equals(method) ? new byte[0] : HEALTH);
    }
    metrics.received();
    byte[] body = request.body();
    if (!"POST".equals(method)) {
      PushResponse response = reject(request, 405, RejectReason.METHOD_NOT_ALLOWED, "method_not_allowed",
          method + " is not allowed; the platform POSTs pushes", body, false);
      return withHeader(response, "Allow", ALLOWED_METHODS);
    }
    if (body.length > maxBodyBytes) {
      return tooLarge(request, Arrays.copyOf(body, maxBodyBytes));
    }
    if (verifier != null) {
      Verification verdict = verifier.verify(request);
      if (!verdict.isAccepted()) {
        boolean forbidden = verdict.status() == 403;
        PushResponse refused = reject(request, verdict.status(),
            forbidden ? RejectReason.FORBIDDEN : RejectReason.UNAUTHORIZED, forbidden ? "forbidden" : "unauthorized",
            verdict.reason(), body, false);
        return verdict.challenge() == null ? refused : withHeader(refused, "WWW-Authenticate", verdict.challenge());
      }
    }
    PushEvent event;
    try {
      event = decoder.decode(body, request.contentType());
    } catch (PushDecodingException notAnEvent) {
      return reject(request, 400, RejectReason.MALFORMED, "bad_request", notAnEvent.getMessage(), body, false);
    }
    Delivery delivery = new Delivery(this, event, EventKeys.of(event, body), newOwnerToken());
    if (!delivery.claim(listeners.matching(event))) {
      metrics.storeUnavailable();
      return retryLater(503, "store_unavailable", "dedup store unavailable");
    }
    return delivery;
  }

  private PushResponse answer(Delivery delivery, Outcome outcome) {
    switch (outcome) {
      case DONE -> metrics.handled();
      case DUPLICATE -> metrics.duplicate();
      case UNHANDLED -> metrics.unhandled();
      case IN_FLIGHT -> {
        metrics.inFlightDuplicate();
        return retryLater(503, "in_flight", "another delivery of this event is still being handled");
      }
      case STORE_UNAVAILABLE -> {
        metrics.storeUnavailable();
        return retryLater(503, "store_unavailable", "dedup store unavailable");
      }
      case FAILED -> {
        metrics.listenersFailed();
        String errorId = newErrorId();
        LOG.warn("push {} event {}: a listener failed; answering 500, errorId={}",
            delivery.event().pushType(), delivery.eventKey(), errorId);
        return json(500, Map.of(), "{\"error\":\"listener_failed\",\"errorId\":\"" + errorId + "\"}");
      }
    }
    return ack;
  }

  private PushResponse deadlinePassed(Delivery delivery) {
    metrics.deadlinePassed();
    LOG.warn("push {} event {}: listeners still running at the {} ms acknowledgement deadline; answering 503",
        delivery.event().pushType(), delivery.eventKey(), ackDeadline.toMillis());
    return retryLater(503, "ack_deadline", "still being handled; retry later");
  }

  private PushResponse finish(PushResponse response, Delivery delivery, long start) {
    long nanos = System.nanoTime() - start;
    metrics.latency(nanos);
    if (delivery != null && LOG.isDebugEnabled()) {
      PushEvent event = delivery.event();
      LOG.debug("push {} event={} call={} customer={} -> {} ({} listeners run) in {} us", event.pushType(),
          event.eventId(), event.callId(), customerNumber(event), response.status(), delivery.ran(), nanos / 1000);
    }
    return response;
  }

  private String customerNumber(PushEvent event) {
    String number = null;
    if (event instanceof CallStateEvent call) {
      number = call.call().customerNumber();
    } else if (event instanceof CallRecord record) {
      number = record.customer().number();
    }
    return logPhoneNumbers ? number : PhoneNumbers.mask(number);
  }

  private PushResponse reject(PushRequest request, int status, RejectReason reason, String error, String detail,
      byte[] body, boolean truncated) {
    metrics.rejected(reason);
    LOG.warn("rejected push from {}: {} {}", request.remoteAddress(), status, detail);
    DeadLetter letter = new DeadLetter(body, truncated, status, detail, request.contentType(),
        request.remoteAddress(), clock.instant());
    try {
      deadLetters.accept(letter);
    } catch (RuntimeException hookFailed) {
      LOG.warn("dead-letter hook threw", hookFailed);
    }
    return json(status, Map.of(), "{\"error\":\"" + error + "\",\"reason\":" + jsonString(detail) + "}");
  }

  private PushResponse retryLater(int status, String error, String detail) {
    return json(status, Map.of("Retry-After", Long.toString(retryAfter.toSeconds())),
        "{\"error\":\"" + error + "\",\"reason\":" + jsonString(detail) + "}");
  }

  private static PushResponse withHeader(PushResponse response, String name, String value) {
    return new PushResponse(response.status(), Map.of(name, value), response.contentType(), response.body());
  }

  private static PushResponse json(int status, Map<String, String> headers, String body) {
    return new PushResponse(status, headers, JSON, body.getBytes(StandardCharsets.UTF_8));
  }

  private static String jsonString(String text) {
    StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private static String mediaTypeOf(String body) {
    String trimmed = body.trim();
    return trimmed.startsWith("{") || trimmed.startsWith("[") ? JSON : TEXT;
  }

  private static String newOwnerToken() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
  }

  private static String newErrorId() {
    return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
  }

  private static ExecutorService newListenerExecutor() {
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor executor = new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        task -> {
          Thread thread = new Thread(task, "callpush-listener-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        },
        new ThreadPoolExecutor.CallerRunsPolicy());
    return executor;
  }

  /** Settings of a {@link PushReceiver}; each setter checks its value at once and names it in its error. */
  public static final class Builder {

    private PushVerifier verifier;
    private boolean allowUnverified;
    private final ListenerRegistry listeners = new ListenerRegistry();
    private DedupStore store;
    private PushDecoder decoder;
    private ZoneId zone = PushDecoder.DEFAULT_ZONE;
    private String ackBody = "success";
    private int maxBodyBytes = 256 * 1024;
    private Clock clock = Clock.systemUTC();
    private Duration lease = Duration.ofMinutes(2);
    private Duration retention = Duration.ofHours(24);
    private Duration retryAfter = Duration.ofSeconds(10);
    private Duration ackDeadline;
    private Executor listenerExecutor;
    private Duration shutdownGrace = Duration.ofSeconds(10);
    private boolean failOpen;
    private boolean logPhoneNumbers;
    private PushMetrics metrics = new PushMetrics() {};
    private DeadLetterHook deadLetters = letter -> { };
    private ListenerFailureHandler failureHandler = (event, listenerId, failure) ->
        LOG.warn("listener {} failed on push {} event {}", listenerId, event.pushType(), event.eventId(), failure);

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

    /** Registers listeners on the registry the receiver will have. */
    public Builder listeners(Consumer<ListenerRegistry> registration) {
      registration.accept(listeners);
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

    /** Counts what the receiver does; default none. */
    public Builder metrics(PushMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** Receives every rejected push with its raw bytes; default none (the rejection is logged). */
    public Builder deadLetters(DeadLetterHook hook) {
      this.deadLetters = Objects.requireNonNull(hook, "deadLetters");
      return this;
    }

    /** Told of every listener failure; default a WARN log. */
    public Builder onListenerFailure(ListenerFailureHandler handler) {
      this.failureHandler = Objects.requireNonNull(handler, "onListenerFailure");
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
      return new PushReceiver(this);
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

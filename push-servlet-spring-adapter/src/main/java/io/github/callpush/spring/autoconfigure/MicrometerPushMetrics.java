package io.github.callpush.spring.autoconfigure;

import io.github.callpush.PushMetrics;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The receiver's metrics as meters: {@code callpush.received}, {@code callpush.pushes} by
 * {@code outcome} (handled, duplicate, in_flight, unhandled, listener_failed, ack_deadline,
 * store_unavailable, or why it was rejected: unauthorized, forbidden, malformed, too_large,
 * method_not_allowed),
 * {@code callpush.listener.failures} by {@code listener}, and the {@code callpush.latency} timer; with
 * the in-memory dedup store also {@code callpush.dedup.forgotten_early}, the entries it forgot before
 * they expired (above zero, it is too small for one retention window).
 */
final class MicrometerPushMetrics implements PushMetrics {

  private final MeterRegistry registry;
  private final Counter received;
  private final Counter handled;
  private final Counter duplicate;
  private final Counter inFlight;
  private final Counter unhandled;
  private final Counter storeUnavailable;
  private final Counter listenersFailed;
  private final Counter deadlinePassed;
  private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
  private final Timer latency;

  /** Meters in {@code registry}; {@code store} (may be null) adds its own when it is the in-memory one. */
  MicrometerPushMetrics(MeterRegistry registry, DedupStore store) {
    this.registry = registry;
    if (store instanceof InMemoryDedupStore memory) {
      FunctionCounter.builder("callpush.dedup.forgotten_early", memory, InMemoryDedupStore::forgottenEarly)
          .description("Entries the in-memory dedup store forgot before they expired: a duplicate runs again")
          .register(registry);
    }
    this.received = Counter.builder("callpush.received").description("Requests at the push endpoint")
        .register(registry);
    this.handled = outcome("handled");
    this.duplicate = outcome("duplicate");
    this.inFlight = outcome("in_flight");
    this.unhandled = outcome("unhandled");
    this.storeUnavailable = outcome("store_unavailable");
    this.listenersFailed = outcome("listener_failed");
    this.deadlinePassed = outcome("ack_deadline");
    for (RejectReason reason : RejectReason.values()) {
      rejected.put(reason, outcome(reason.name().toLowerCase(Locale.ROOT)));
    }
    this.latency = Timer.builder("callpush.latency").description("Time from receiving a push to answering it")
        .register(registry);
  }

  @Override
  public void received() {
    received.increment();
  }

  @Override
  public void rejected(RejectReason reason) {
    rejected.get(reason).increment();
  }

  @Override
  public void duplicate() {
    duplicate.increment();
  }

  @Override
  public void inFlightDuplicate() {
    inFlight.increment();
  }

  @Override
  public void handled() {
    handled.increment();
  }

  @Override
  public void unhandled() {
    unhandled.increment();
  }

  @Override
  public void listenerFailed(String listenerId) {
    Counter.builder("callpush.listener.failures").description("Listener runs that threw")
        .tag("listener", listenerId).register(registry).increment();
  }

  @Override
  public void listenersFailed() {
    listenersFailed.increment();
  }

  @Override
  public void deadlinePassed() {
    deadlinePassed.increment();
  }

  @Override
  public void storeUnavailable() {
    storeUnavailable.increment();
  }

  @Override
  public void latency(long nanos) {
    latency.record(nanos, TimeUnit.NANOSECONDS);
  }

  private Counter outcome(String outcome) {
    return Counter.builder("callpush.pushes").description("Pushes answered, by outcome")
        .tag("outcome", outcome).register(registry);
  }
}

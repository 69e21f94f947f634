package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.Outcome;
import io.github.callpush.PushExchange;
import io.github.callpush.PushObserver;
import io.github.callpush.PushRequest;
import io.github.callpush.event.PushEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The receiver's metrics as meters: {@code callpush.received}, {@code callpush.pushes} by
 * {@code outcome} (handled, duplicate, in_flight, unhandled, listener_failed, listener_unavailable, ack_deadline,
 * store_unavailable, or why it was rejected: unauthorized, forbidden, malformed, too_large,
 * method_not_allowed),
 * {@code callpush.listener.failures} by {@code listener}, the {@code callpush.latency} timer, and the
 * {@code callpush.listener} timer of each listener's runs by {@code listener} and {@code outcome} (succeeded,
 * failed): for the forwarder ({@code listener=callpush-forward}) its count is the pushes published, by outcome the
 * confirmed and the failed, and its times the broker's confirm latency; with
 * the in-memory dedup store also {@code callpush.dedup.forgotten_early}, the entries it forgot before
 * they expired (above zero, it is too small for one retention window).
 */
final class MicrometerPushMetrics implements PushObserver {

  private final MeterRegistry registry;
  private final Counter received;
  private final Map<String, Counter> answered = new ConcurrentHashMap<>();
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
    this.latency = Timer.builder("callpush.latency").description("Time from receiving a push to answering it")
        .register(registry);
  }

  @Override
  public void received(PushRequest request) {
    received.increment();
  }

  @Override
  public void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
    Counter.builder("callpush.listener.failures").description("Listener runs that threw")
        .tag("listener", listenerId).register(registry).increment();
  }

  @Override
  public void listenerRan(PushEvent event, String listenerId, long nanos, boolean succeeded) {
    Timer.builder("callpush.listener").description("Listener runs, by listener and outcome")
        .tag("listener", listenerId).tag("outcome", succeeded ? "succeeded" : "failed").register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  @Override
  public void answered(PushExchange exchange) {
    Outcome outcome = exchange.outcome();
    if (outcome instanceof Outcome.UrlCheck) {
      return;
    }
    Counter counter = answered.get(outcome.code());
    if (counter == null) {
      counter = answered.computeIfAbsent(outcome.code(), code -> Counter.builder("callpush.pushes")
          .description("Pushes answered, by outcome").tag("outcome", code).register(registry));
    }
    counter.increment();
    latency.record(exchange.nanos(), TimeUnit.NANOSECONDS);
  }
}

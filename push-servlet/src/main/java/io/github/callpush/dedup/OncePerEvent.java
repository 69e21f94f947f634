package io.github.callpush.dedup;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs a handler at most once to success per event, with the receiver's stores and leases: for the consumers of
 * a message broker the receiver forwarded pushes to, so that the chain from the platform to the consumer's
 * handler runs each event once, whoever redelivers it. Key it by the event key the receiver forwarded
 * ({@code ReceivedPush.eventKey()}, carried in the message) and by a stable handler id. Thread-safe.
 *
 * <pre>{@code
 * OncePerEvent once = OncePerEvent.builder(store).build();
 * switch (once.run(push.eventKey(), "billing", () -> billing.charge(push.event()))) {
 *   case RAN, DONE_BEFORE -> channel.basicAck(tag, false);
 *   case IN_FLIGHT -> channel.basicNack(tag, false, true); // another consumer runs it now: see it again later
 * }
 * }</pre>
 *
 * <p>A handler that throws has its claim released and the exception rethrown: redeliver the message. When the
 * store cannot record a completion, {@link DedupStoreException} is thrown after the handler ran; the event may
 * then run once more after the lease, as in the receiver.
 */
public final class OncePerEvent {

  /** How long a claim lasts by default; the receiver's default too. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
  /** How long a completion is kept by default; the receiver's default too. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(24);

  private final DedupStore store;
  private final Duration lease;
  private final Duration retention;

  private OncePerEvent(Builder builder) {
    this.store = builder.store;
    this.lease = builder.lease;
    this.retention = builder.retention;
  }

  /** A builder over {@code store}, e.g. the one the receivers share. */
  public static Builder builder(DedupStore store) {
    return new Builder(store);
  }

  /**
   * Runs {@code handler} unless it already ran to success for {@code eventKey}, or runs now elsewhere.
   *
   * @return {@link Result#RAN} when it ran now, {@link Result#DONE_BEFORE} when it had run to success,
   *     {@link Result#IN_FLIGHT} when another caller holds the event: try again later
   * @throws Exception what the handler threw (its claim released)
   * @throws DedupStoreException when the store cannot be reached
   */
  public Result run(String eventKey, String handlerId, Handler handler) throws Exception {
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(handlerId, "handlerId");
    Objects.requireNonNull(handler, "handler");
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String owner = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
    switch (store.claim(eventKey, handlerId, owner, lease)) {
      case COMPLETED:
        return Result.DONE_BEFORE;
      case IN_FLIGHT:
        return Result.IN_FLIGHT;
      default:
        break;
    }
    try {
      handler.handle();
    } catch (Exception failure) {
      try {
        store.release(eventKey, handlerId, owner);
      } catch (DedupStoreException unreleased) {
        failure.addSuppressed(unreleased);
      }
      throw failure;
    }
    store.complete(eventKey, handlerId, owner, retention);
    return Result.RAN;
  }

  /** What {@link #run} did. */
  public enum Result {
    /** The handler ran to success now. */
    RAN,
    /** The handler had run to success for this event before: it did not run. */
    DONE_BEFORE,
    /** Another caller holds the event and may be running the handler: it did not run; try again later. */
    IN_FLIGHT
  }

  /** The work to run once per event. */
  @FunctionalInterface
  public interface Handler {

    /** Does the work; throw to have it run again on a later delivery. */
    void handle() throws Exception;
  }

  /** Builds a {@link OncePerEvent}. */
  public static final class Builder {

    private final DedupStore store;
    private Duration lease = DEFAULT_LEASE;
    private Duration retention = DEFAULT_RETENTION;

    private Builder(DedupStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /** How long a claim lasts: longer than the handler takes; default {@link #DEFAULT_LEASE}. */
    public Builder lease(Duration lease) {
      this.lease = positive(lease, "lease");
      return this;
    }

    /** How long a completion is kept: longer than redeliveries go on; default {@link #DEFAULT_RETENTION}. */
    public Builder retention(Duration retention) {
      this.retention = positive(retention, "retention");
      return this;
    }

    /** The runner. */
    public OncePerEvent build() {
      return new OncePerEvent(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be positive but was " + duration);
      }
      return duration;
    }
  }
}

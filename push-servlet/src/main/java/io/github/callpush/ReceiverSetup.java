package io.github.callpush;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.internal.OwnedThreads;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * A receiver builder that {@link EndpointSettings#configure} set up, with the dedup store the settings
 * opened: a front end adds listeners, observers and its own adjustments to {@link #builder()}, then
 * {@link #build()}s the receiver, and {@link #close()}s all of it when the endpoint stops.
 */
public final class ReceiverSetup implements AutoCloseable {

  /** How long a sweep under way at {@link #close} may take to finish before it is interrupted. */
  private static final Duration SWEEP_STOP = Duration.ofSeconds(10);

  private final PushReceiver.Builder builder;
  private final DedupStore store;
  private final PushForwarder forwarder;
  private final Duration sweepInterval;
  private final boolean verificationSet;
  private final OwnedThreads sweeperThread = OwnedThreads.named("callpush-dedup-sweeper");
  private ScheduledExecutorService sweeper;
  private PushReceiver receiver;

  ReceiverSetup(PushReceiver.Builder builder, DedupStore store, PushForwarder forwarder, Duration sweepInterval,
      boolean verificationSet) {
    this.builder = builder;
    this.store = store;
    this.forwarder = forwarder;
    this.sweepInterval = sweepInterval;
    this.verificationSet = verificationSet;
    if (store != null) {
      builder.dedupStore(store);
    }
  }

  /** The receiver builder, with the settings applied. */
  public PushReceiver.Builder builder() {
    return builder;
  }

  /** The dedup store the settings named and this opened, or null when the receiver makes its own. */
  public DedupStore store() {
    return store;
  }

  /**
   * The receiver; with a store of the settings', sweeping it every sweep interval from now on.
   *
   * @throws InvalidSettingException {@linkplain InvalidSettingException#isMissingVerification missing
   *     verification} when neither the settings nor the builder's adjustments verify pushes
   */
  public PushReceiver build() {
    try {
      receiver = builder.build();
    } catch (IllegalStateException refused) {
      throw verificationSet ? refused : InvalidSettingException.missingVerification(refused);
    }
    if (store != null) {
      sweeper = Executors.newSingleThreadScheduledExecutor(sweeperThread);
      long millis = sweepInterval.toMillis();
      sweeper.scheduleWithFixedDelay(this::sweep, millis, millis, TimeUnit.MILLISECONDS);
    }
    return receiver;
  }

  private void sweep() {
    try {
      store.sweep();
    } catch (RuntimeException failed) {
      LoggerFactory.getLogger(ReceiverSetup.class).warn("sweeping the dedup store failed; retrying later", failed);
    }
  }

  /** The forwarder the settings named and this opened, or null. */
  public PushForwarder forwarder() {
    return forwarder;
  }

  /** Stops the sweeper, then the receiver built, then the forwarder and the store opened; each that there is. */
  @Override
  public void close() {
    if (sweeper != null && !sweeperThread.shutDown(sweeper, SWEEP_STOP)) {
      sweeperThread.shutDownNow(sweeper);
    }
    if (receiver != null) {
      receiver.close();
    }
    if (forwarder != null) {
      forwarder.close();
    }
    if (store != null) {
      store.close();
    }
  }
}

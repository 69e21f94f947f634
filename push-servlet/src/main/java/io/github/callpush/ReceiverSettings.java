package io.github.callpush;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.verify.PushVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * Everything a {@link PushReceiver} was built with, checked by its {@link PushReceiver.Builder} and
 * handed to each stage that needs a part of it.
 *
 * @param verifier who may push, or null when {@link PushReceiver.Builder#allowUnverified()} said so
 * @param listeners the listener registry
 * @param store where claims are kept
 * @param ownsStore whether the receiver made the store and closes it
 * @param decoder bytes to events
 * @param ackBody the body of a 200
 * @param maxBodyBytes the largest body accepted
 * @param clock the clock of leases and dead letters
 * @param lease how long a claim protects a running listener
 * @param retention how long a finished listener is remembered
 * @param retryAfter the {@code Retry-After} of 503 answers
 * @param ackDeadline when to answer 503 while listeners still run, or null for never
 * @param listenerExecutor where listeners run under a deadline, or null for the receiver's own pool
 * @param shutdownGrace how long {@code close} waits for listeners still running
 * @param failOpen whether listeners run without dedup when the store is down
 * @param logPhoneNumbers whether logs show phone numbers in full
 * @param logListenerFailures whether a listener that throws is logged at WARN
 * @param observers who is told of every answer and listener failure
 */
record ReceiverSettings(
    PushVerifier verifier,
    ListenerRegistry listeners,
    DedupStore store,
    boolean ownsStore,
    PushDecoder decoder,
    String ackBody,
    int maxBodyBytes,
    Clock clock,
    Duration lease,
    Duration retention,
    Duration retryAfter,
    Duration ackDeadline,
    Executor listenerExecutor,
    Duration shutdownGrace,
    boolean failOpen,
    boolean logPhoneNumbers,
    boolean logListenerFailures,
    List<PushObserver> observers) {

  ReceiverSettings {
    observers = List.copyOf(observers);
  }

  /** The query parameters the verifier reads a secret from: kept out of a GET push and masked for observers. */
  Set<String> credentialParameters() {
    return verifier == null ? Set.of() : verifier.credentialParameters();
  }

  /** The headers the verifier reads a secret from: masked for observers. */
  Set<String> credentialHeaders() {
    return verifier == null ? Set.of() : verifier.credentialHeaders();
  }

  /** What the receiver checks and uses, in one line without secrets. */
  String describe() {
    return "verification " + (verifier == null ? "NONE (allowUnverified)" : verifier)
        + "; dedup " + store
        + "; max body " + maxBodyBytes + " bytes"
        + "; ack deadline " + (ackDeadline == null ? "none" : ackDeadline.toMillis() + " ms");
  }
}

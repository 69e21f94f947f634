package io.github.callpush;

import io.github.callpush.event.PushEvent;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Sees what the receiver does, for metrics, dead letters, journals or alerts: every method defaults
 * to doing nothing. Called concurrently from request and listener threads; what a method throws is
 * logged and ignored, and never changes the answer. Register any number with
 * {@link PushReceiver.Builder#observer}. The requests it is given have the verifier's
 * {@linkplain io.github.callpush.verify.PushVerifier#credentialParameters() credential parameters} and
 * {@linkplain io.github.callpush.verify.PushVerifier#credentialHeaders() headers} masked ({@code token=****}).
 */
public interface PushObserver {

  /**
   * A push arrived (any request but a URL check: a HEAD, or a GET carrying no push), before it is checked; on
   * the request thread.
   */
  default void received(PushRequest request) {}

  /**
   * The listener {@code listenerId} threw {@code failure} on {@code event}; called on the thread that
   * ran it, before the answer. The receiver logs every failure at WARN itself, unless
   * {@link PushReceiver.Builder#logListenerFailures} turned that off.
   */
  default void listenerFailed(PushEvent event, String listenerId, Throwable failure) {}

  /**
   * The listener {@code listenerId} ran on {@code event} for {@code nanos} nanoseconds, to success when
   * {@code succeeded} (a forwarder's run is its broker's confirm latency); called on the thread that ran it,
   * after {@link #listenerFailed} for a failure.
   */
  default void listenerRan(PushEvent event, String listenerId, long nanos, boolean succeeded) {}

  /**
   * A request was answered (a URL check, an acknowledgement, a retry asked for, a rejection): called
   * once per request, before the answer is sent.
   */
  default void answered(PushExchange exchange) {}

  /**
   * An observer that hands every rejected push, with its raw bytes, to {@code hook}: a push the receiver
   * answered 400, 401, 403, 405 or 413, so that nothing is lost.
   */
  static PushObserver deadLetters(Consumer<DeadLetter> hook) {
    Objects.requireNonNull(hook, "hook");
    return new PushObserver() {
      @Override
      public void answered(PushExchange exchange) {
        DeadLetter letter = exchange.deadLetter();
        if (letter != null) {
          hook.accept(letter);
        }
      }
    };
  }

  /**
   * An observer that keeps every rejected push as files in {@code directory} (created if missing): the
   * body byte for byte as {@code STEM.json} ({@code STEM.form} for the older push's parameters), which the
   * fixtures' {@code send --dir} replays with its content type, and what the
   * receiver knew of it (status, reason, time, peer, content type) as {@code STEM.properties}. Stems sort
   * by arrival and end with the status, e.g. {@code 20261125T001500.123Z-3fa2c1-000042-400}; files are
   * readable by their owner only on POSIX file systems, as bodies hold phone numbers. At most
   * {@code maximumLetters} bodies stay in the directory: further letters are dropped, with one WARN,
   * until files are removed, so a flood of bad pushes cannot fill the disk.
   *
   * @throws IllegalArgumentException when the directory cannot be created or written to, or
   *     {@code maximumLetters} is not positive
   */
  static PushObserver deadLetterDirectory(Path directory, int maximumLetters) {
    return deadLetters(new DeadLetterDirectory(directory, maximumLetters)::keep);
  }
}

package io.github.callpush;

import io.github.callpush.event.PushEvent;
import java.util.List;

/** Observers for tests: the dead letters into a list, listener failures to a lambda. */
final class Observing {

  private Observing() {}

  /** Adds every dead letter to {@code letters}. */
  static PushObserver deadLetters(List<DeadLetter> letters) {
    return new PushObserver() {
      @Override
      public void answered(PushExchange exchange) {
        DeadLetter letter = exchange.deadLetter();
        if (letter != null) {
          letters.add(letter);
        }
      }
    };
  }

  /** Hands every listener failure to {@code failures}. */
  static PushObserver listenerFailures(Failures failures) {
    return new PushObserver() {
      @Override
      public void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
        failures.failed(event, listenerId, failure);
      }
    };
  }

  /** Told of a listener failure. */
  @FunctionalInterface
  interface Failures {
    void failed(PushEvent event, String listenerId, Throwable failure);
  }
}

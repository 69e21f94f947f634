package io.github.callpush;

import io.github.callpush.event.PushEvent;

/** Observers for tests: listener failures to a lambda. */
final class Observing {

  private Observing() {}

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

package io.github.callpush;

import io.github.callpush.event.PushEvent;

/** Told of every listener that threw, on the thread that ran it; the default logs a WARN. */
@FunctionalInterface
public interface ListenerFailureHandler {

  /** The listener {@code listenerId} threw {@code failure} while handling {@code event}. */
  void onFailure(PushEvent event, String listenerId, Throwable failure);
}

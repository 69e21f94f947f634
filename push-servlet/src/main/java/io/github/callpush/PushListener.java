package io.github.callpush;

import io.github.callpush.event.PushEvent;

/**
 * Handles one kind of push. Registered with a {@link ListenerRegistry} under a stable id, it runs at
 * most once to success per event, across retries, duplicates and nodes sharing a dedup store.
 *
 * <p>Called on the request's thread, or on the receiver's listener executor when an acknowledgement
 * deadline is set; it may be called concurrently for different events. Returning normally means the
 * event is handled for this listener. Throwing means it is not: the receiver answers 500, keeps running
 * the other listeners, and the platform's retry calls this listener again (and only this one).
 *
 * @param <E> the events it handles
 */
@FunctionalInterface
public interface PushListener<E extends PushEvent> {

  /** Handles the event; throw to have the platform deliver it again. */
  void onEvent(E event) throws Exception;
}

package io.github.callpush;

/**
 * A listener that needs the push as it came, not only its event: a forwarder to a message broker, an archive of
 * bodies. Registered with {@link ListenerRegistry#onReceived}, it is deduplicated, retried and acknowledged as
 * every {@link PushListener} is: it runs at most once to success per event; throwing has the platform deliver
 * the push again.
 */
@FunctionalInterface
public interface ReceivedPushListener {

  /** Handles the push; throw to have the platform deliver it again. */
  void onPush(ReceivedPush push) throws Exception;
}

package io.github.callpush.forward;

import io.github.callpush.ReceivedPushListener;

/**
 * A listener that hands each push on to a message broker as received and returns only once the broker confirmed
 * it, so that the platform is acknowledged only for what the broker has; {@link #close()} stops its client and
 * every thread the client started. Made by a {@link ForwarderProvider} from a URI, or by a module's builder.
 */
public interface PushForwarder extends ReceivedPushListener, AutoCloseable {

  /** Closes the broker client and waits for its threads. */
  @Override
  void close();
}

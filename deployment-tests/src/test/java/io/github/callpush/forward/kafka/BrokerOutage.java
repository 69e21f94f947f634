package io.github.callpush.forward.kafka;

import java.io.IOException;
import java.time.Duration;

/**
 * A {@link KafkaBroker} down and back, for the deployment tests in another package: its {@code stop} and
 * {@code restart} are package-private in push-forward-kafka's test-jar.
 */
public final class BrokerOutage {

  private BrokerOutage() {
  }

  /** Stops {@code broker}'s process and waits until it exited; its log dir and ports stay. */
  public static void stop(KafkaBroker broker) throws InterruptedException {
    broker.stop();
  }

  /** Starts the stopped {@code broker} again and waits until a client reaches it; how long that took. */
  public static Duration restart(KafkaBroker broker) throws IOException, InterruptedException {
    broker.restart();
    return broker.lastStart();
  }
}

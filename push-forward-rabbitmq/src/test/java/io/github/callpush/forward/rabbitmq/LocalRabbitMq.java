package io.github.callpush.forward.rabbitmq;

import com.rabbitmq.client.ConnectionFactory;

/** The machine's RabbitMQ the module's ITs run against: 127.0.0.1:5672, guest/guest. */
final class LocalRabbitMq {

  /** Its port. */
  static final int PORT = 5672;

  private LocalRabbitMq() {}

  /**
   * A connection factory for the broker at {@code port} on loopback (its own, or a proxy's in front of it), as
   * guest, recovering 200 ms after a failure.
   */
  static ConnectionFactory factory(int port) {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setPort(port);
    factory.setUsername("guest");
    factory.setPassword("guest");
    factory.setNetworkRecoveryInterval(200);
    return factory;
  }
}

package io.github.callpush.spring.autoconfigure;

import com.rabbitmq.client.Address;
import com.rabbitmq.client.ConnectionFactory;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.rabbitmq.RabbitForwarder;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.ResolvableType;

/**
 * {@code callpush.forward.broker=rabbitmq} from the application's Spring AMQP connection factory (Boot's
 * {@code CachingConnectionFactory}): the forwarder connects with a clone of its RabbitMQ
 * {@link ConnectionFactory}, so credentials, SSL, timeouts and Boot's customizers carry over, while the thread
 * factory and recovery the forwarder sets stay off the application's. Boot gives the Spring factory the
 * addresses ({@code spring.rabbitmq.host}/{@code port} or {@code addresses}) and the RabbitMQ one the first of
 * them: one address is carried over to the clone; several are refused, as the forwarder connects to one broker.
 */
final class RabbitConnectionBean {

  private static final String RABBITMQ = "rabbitmq";

  private RabbitConnectionBean() {}

  /**
   * The forwarder publishing to {@code exchange} with the application's connection settings, waiting for confirms
   * up to {@code deadline} (null: the forwarder's default), or null without such settings.
   */
  static PushForwarder forwarder(ListableBeanFactory beans, String exchange, Duration deadline) {
    AbstractConnectionFactory application =
        BrokerClientBeans.unique(beans, ResolvableType.forClass(AbstractConnectionFactory.class), RABBITMQ);
    if (application == null) {
      return null;
    }
    ConnectionFactory factory = application.getRabbitConnectionFactory().clone();
    List<?> addresses = addresses(application);
    if (addresses != null && addresses.size() > 1) {
      throw InvalidProperty.of(BrokerClientBeans.BROKER, RABBITMQ, "the application's RabbitMQ connection factory"
          + " connects to one of several addresses " + addresses + " (spring.rabbitmq.addresses), the forwarder to"
          + " one broker: set callpush.forward.url to the broker to forward to");
    }
    if (addresses != null && addresses.size() == 1) {
      Address address = (Address) addresses.get(0);
      factory.setHost(address.getHost());
      factory.setPort(address.getPort());
    }
    try {
      RabbitForwarder.Builder builder = RabbitForwarder.builder(factory).exchange(exchange);
      if (deadline != null) {
        builder.confirmTimeout(deadline);
      }
      return builder.build();
    } catch (IOException | RuntimeException refused) {
      throw InvalidProperty.of(BrokerClientBeans.BROKER, RABBITMQ, refused.getMessage(), refused);
    }
  }

  /**
   * The addresses the Spring factory connects to instead of its RabbitMQ factory's host and port (null or empty
   * when it uses those); read through its protected {@code getAddresses()}, there being no public accessor.
   */
  private static List<?> addresses(AbstractConnectionFactory application) {
    try {
      Method getter = AbstractConnectionFactory.class.getDeclaredMethod("getAddresses");
      getter.setAccessible(true);
      return (List<?>) getter.invoke(application);
    } catch (ReflectiveOperationException | RuntimeException unreadable) {
      Throwable cause = unreadable instanceof InvocationTargetException failed ? failed.getCause() : unreadable;
      throw InvalidProperty.of(BrokerClientBeans.BROKER, RABBITMQ, "cannot tell which addresses the application's"
          + " RabbitMQ connection factory connects to (" + cause + "): set callpush.forward.url", unreadable);
    }
  }
}

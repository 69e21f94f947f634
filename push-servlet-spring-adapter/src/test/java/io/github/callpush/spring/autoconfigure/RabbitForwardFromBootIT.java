package io.github.callpush.spring.autoconfigure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.github.callpush.EndpointSettings;
import io.github.callpush.PushReceiver;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.rabbitmq.RabbitForwarder;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code callpush.forward.broker=rabbitmq} with Spring Boot's {@code spring.rabbitmq.*} settings, against the real
 * RabbitMQ on 127.0.0.1:5672.
 */
class RabbitForwardFromBootIT {

  private final String exchange = "callpush-boot-it-" + UUID.randomUUID();
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CallpushAutoConfiguration.class))
      .withPropertyValues("callpush.verification.allow-unverified=true", "callpush.forward.broker=rabbitmq",
          "callpush.forward.exchange=" + exchange, "spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672",
          "spring.rabbitmq.username=guest", "spring.rabbitmq.password=guest", "spring.rabbitmq.virtual-host=/");
  private Connection admin;
  private Channel channel;

  @BeforeEach
  void connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    admin = factory.newConnection("callpush-boot-it-admin");
    channel = admin.createChannel();
  }

  @AfterEach
  void cleanUp() throws Exception {
    channel.exchangeDelete(exchange);
    admin.close();
  }

  @Test
  void publishesEachPushOnceToTheExchangeOnTheBrokerBootsSettingsName() throws Exception {
    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
    String queue = channel.queueDeclare("", false, true, false, null).getQueue();
    channel.queueBind(queue, exchange, "#");
    String ring = Pushes.ring(Pushes.uniqueId("boot-rabbit"));
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(EndpointSettings.FORWARD_LISTENER_ID, PushForwarder.class))
          .isInstanceOf(RabbitForwarder.class);
      PushReceiver receiver = context.getBean(PushReceiver.class);
      assertThat(Pushes.handle(receiver, ring).status()).isEqualTo(200);
      assertThat(Pushes.handle(receiver, ring).status()).as("the duplicate").isEqualTo(200);
    });

    GetResponse message = channel.basicGet(queue, true);
    assertThat(message).isNotNull();
    assertThat(new String(message.getBody(), UTF_8)).isEqualTo(ring);
    assertThat(message.getEnvelope().getRoutingKey()).isEqualTo("dialoutRing");
    assertThat(channel.messageCount(queue)).as("messages after the first").isZero();
    Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(name -> name.startsWith("callpush-rabbitmq-")).collect(Collectors.toSet());
    assertThat(threads).as("client threads left after the context closed").isEmpty();
  }

  @Test
  void aWrongPasswordStopsTheStartNamingTheSettingNotThePassword() {
    runner.withPropertyValues("spring.rabbitmq.password=hunter2").run(context -> {
      assertThat(context).hasFailed();
      InvalidProperty invalid = null;
      for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
        invalid = cause instanceof InvalidProperty found ? found : invalid;
      }
      assertThat(invalid).isNotNull();
      assertThat(invalid.property()).isEqualTo("callpush.forward.broker");
      assertThat(invalid.getMessage()).contains("RabbitMQ unreachable at 127.0.0.1:5672").doesNotContain("hunter2");
    });
  }
}

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
import org.springframework.amqp.rabbit.connection.AbstractConnectionFactory;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code callpush.forward.broker=rabbitmq} against the real RabbitMQ on 127.0.0.1:5672: with Spring Boot's
 * {@code spring.rabbitmq.*} settings where the application has no connection factory, and with the application's
 * own Spring AMQP connection factory, Boot's or its own bean, where it has one: that factory's settings are the
 * ones used, even those the properties do not say.
 */
class RabbitForwardFromBootIT {

  private final String exchange = "callpush-boot-it-" + UUID.randomUUID();
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withPropertyValues("callpush.verification.allow-unverified=true", "callpush.forward.broker=rabbitmq",
          "callpush.forward.exchange=" + exchange);
  private final ApplicationContextRunner propertiesRunner = runner
      .withConfiguration(AutoConfigurations.of(CallpushAutoConfiguration.class))
      .withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.port=5672",
          "spring.rabbitmq.username=guest", "spring.rabbitmq.password=guest", "spring.rabbitmq.virtual-host=/");
  private final ApplicationContextRunner bootRunner = runner.withConfiguration(BootAutoConfigurations.rabbit());
  private Connection admin;
  private Channel channel;
  private String queue;

  @BeforeEach
  void connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    admin = factory.newConnection("callpush-boot-it-admin");
    channel = admin.createChannel();
    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
    queue = channel.queueDeclare("", false, true, false, null).getQueue();
    channel.queueBind(queue, exchange, "#");
  }

  @AfterEach
  void cleanUp() throws Exception {
    channel.exchangeDelete(exchange);
    admin.close();
  }

  @Test
  void publishesEachPushOnceToTheExchangeOnTheBrokerBootsSettingsName() throws Exception {
    String ring = Pushes.ring(Pushes.uniqueId("boot-rabbit"));
    propertiesRunner.run(context -> {
      assertForwards(context, ring);
      assertThat(Pushes.handle(context.getBean(PushReceiver.class), ring).status()).as("the duplicate")
          .isEqualTo(200);
    });

    GetResponse message = assertPublishedOnce(ring);
    assertThat(message.getEnvelope().getRoutingKey()).isEqualTo("dialoutRing");
    Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
        .filter(name -> name.startsWith("callpush-rabbitmq-")).collect(Collectors.toSet());
    assertThat(threads).as("client threads left after the context closed").isEmpty();
  }

  @Test
  void aWrongPasswordStopsTheStartNamingTheSettingNotThePassword() {
    propertiesRunner.withPropertyValues("spring.rabbitmq.password=hunter2").run(context -> {
      InvalidProperty invalid = StartFailures.invalidProperty(context);
      assertThat(invalid.property()).isEqualTo("callpush.forward.broker");
      assertThat(invalid.getMessage()).contains("RabbitMQ unreachable at 127.0.0.1:5672").doesNotContain("hunter2");
    });
  }

  @Test
  void bootsConnectionFactoryForwardsToItsAddressLeavingItsOwnSettingsAlone() throws Exception {
    String ring = Pushes.ring(Pushes.uniqueId("app-rabbit"));
    // spring.rabbitmq.addresses: refused where the forwarder reads the properties, honoured with Boot's factory
    bootRunner.withPropertyValues("spring.rabbitmq.addresses=127.0.0.1:5672", "spring.rabbitmq.username=guest",
        "spring.rabbitmq.password=guest").run(context -> {
          assertForwards(context, ring);
          ConnectionFactory applications = context.getBean(AbstractConnectionFactory.class).getRabbitConnectionFactory();
          assertThat(applications.getThreadFactory().newThread(() -> { }).getName())
              .as("the application's factory's threads").doesNotStartWith("callpush-rabbitmq-");
        });
    assertPublishedOnce(ring);
  }

  @Test
  void anApplicationsFactoryBeanIsUsedAsItIsNotAsTheProperties() throws Exception {
    String ring = Pushes.ring(Pushes.uniqueId("app-rabbit-bean"));
    runner.withConfiguration(AutoConfigurations.of(CallpushAutoConfiguration.class))
        .withUserConfiguration(OwnConnectionFactory.class)
        .withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.password=hunter2")
        .run(context -> {
          assertForwards(context, ring);
        });
    assertPublishedOnce(ring);
  }

  @Test
  void severalAddressesAreRefusedNamingTheSetting() {
    bootRunner.withPropertyValues("spring.rabbitmq.addresses=127.0.0.1:5672,127.0.0.1:5673",
        "spring.rabbitmq.password=hunter2").run(context -> {
          InvalidProperty invalid = StartFailures.invalidProperty(context);
          assertThat(invalid.property()).isEqualTo("callpush.forward.broker");
          assertThat(invalid.getMessage()).contains("several addresses").contains("127.0.0.1:5673")
              .contains("callpush.forward.url").doesNotContain("hunter2");
        });
  }

  @Test
  void aWrongPasswordInBootsFactoryStopsTheStartWithoutShowingIt() {
    bootRunner.withPropertyValues("spring.rabbitmq.host=127.0.0.1", "spring.rabbitmq.password=hunter2")
        .run(context -> {
          InvalidProperty invalid = StartFailures.invalidProperty(context);
          assertThat(invalid.property()).isEqualTo("callpush.forward.broker");
          assertThat(invalid.getMessage()).contains("RabbitMQ unreachable at 127.0.0.1:5672")
              .doesNotContain("hunter2");
        });
  }

  @Test
  void severalFactoriesWithoutAPrimaryOneAreRefused() {
    runner.withConfiguration(AutoConfigurations.of(CallpushAutoConfiguration.class))
        .withUserConfiguration(OwnConnectionFactory.class)
        .withBean("secondConnectionFactory", CachingConnectionFactory.class, () -> new CachingConnectionFactory())
        .run(context -> {
          InvalidProperty invalid = StartFailures.invalidProperty(context);
          assertThat(invalid.property()).isEqualTo("callpush.forward.broker");
          assertThat(invalid.getMessage()).contains("several").contains("secondConnectionFactory")
              .contains("@Primary");
        });
  }

  @Test
  void theHealthIsDownWhileTheLastPublishFailedAndUpAgainOnceOneIsConfirmed() throws Exception {
    String first = Pushes.ring(Pushes.uniqueId("boot-rabbit-health"));
    String second = Pushes.ring(Pushes.uniqueId("boot-rabbit-health"));
    propertiesRunner.withConfiguration(AutoConfigurations.of(CallpushHealthAutoConfiguration.class,
        CallpushBoot4HealthAutoConfiguration.class)).withPropertyValues("callpush.forward.deadline=2s")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(BootAutoConfigurations.health(context).status()).as("before any push").isEqualTo("UP");
          channel.queueUnbind(queue, exchange, "#");

          assertThat(Pushes.handle(context.getBean(PushReceiver.class), first).status()).as("unroutable")
              .isEqualTo(503);
          BootAutoConfigurations.Health down = BootAutoConfigurations.health(context);
          assertThat(down.status()).isEqualTo("DOWN");
          assertThat(down.details().get("forward")).asString().contains("lastConfirmed=never", "unroutable");

          channel.queueBind(queue, exchange, "#");
          assertThat(Pushes.handle(context.getBean(PushReceiver.class), second).status()).isEqualTo(200);
          BootAutoConfigurations.Health up = BootAutoConfigurations.health(context);
          assertThat(up.status()).isEqualTo("UP");
          assertThat(up.details().get("forward")).asString().doesNotContain("lastConfirmed=never")
              .contains("unroutable");
        });
  }

  private static void assertForwards(AssertableApplicationContext context, String ring) {
    assertThat(context).hasNotFailed();
    assertThat(context.getBean(EndpointSettings.FORWARD_LISTENER_ID, PushForwarder.class))
        .isInstanceOf(RabbitForwarder.class);
    assertThat(Pushes.handle(context.getBean(PushReceiver.class), ring).status()).isEqualTo(200);
  }

  private GetResponse assertPublishedOnce(String ring) throws Exception {
    GetResponse message = channel.basicGet(queue, true);
    assertThat(message).isNotNull();
    assertThat(new String(message.getBody(), UTF_8)).isEqualTo(ring);
    assertThat(channel.messageCount(queue)).as("messages after the first").isZero();
    return message;
  }

  /**
   * The application's connection factory: the right password, and the broker's address on the Spring factory
   * only, its RabbitMQ factory's host being one that resolves nowhere.
   */
  @Configuration(proxyBeanMethods = false)
  static class OwnConnectionFactory {

    @Bean
    CachingConnectionFactory applicationConnectionFactory() {
      ConnectionFactory rabbit = new ConnectionFactory();
      rabbit.setHost("callpush-nowhere.invalid");
      rabbit.setUsername("guest");
      rabbit.setPassword("guest");
      CachingConnectionFactory factory = new CachingConnectionFactory(rabbit);
      factory.setAddresses("127.0.0.1:5672");
      return factory;
    }
  }
}

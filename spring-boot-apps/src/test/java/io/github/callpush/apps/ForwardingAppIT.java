package io.github.callpush.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The packaged application (push-forward-rabbitmq and amqp-client in its jar) forwarding to the real RabbitMQ on
 * 127.0.0.1:5672, configured by {@code callpush.forward.url} or by {@code callpush.forward.broker} with Boot's
 * {@code spring.rabbitmq.*}: a push lands once, as sent.
 */
class ForwardingAppIT {

  private static final String TOKEN = "s3cret-" + UUID.randomUUID();

  private final String exchange = "callpush-app-it-" + UUID.randomUUID();
  private Connection admin;
  private Channel channel;

  @BeforeEach
  void connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    admin = factory.newConnection("callpush-app-it-admin");
    channel = admin.createChannel();
  }

  @AfterEach
  void cleanUp() throws Exception {
    channel.exchangeDelete(exchange);
    admin.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--callpush.forward.url=amqp://guest:guest@127.0.0.1:5672/%2F?exchange=EXCHANGE",
      "--callpush.forward.broker=rabbitmq --spring.rabbitmq.host=127.0.0.1 --spring.rabbitmq.password=guest"
          + " --callpush.forward.exchange=EXCHANGE"})
  void aPushLandsOnceInTheExchangeAsSent(String settings) throws Exception {
    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
    String queue = channel.queueDeclare("", false, true, false, null).getQueue();
    channel.queueBind(queue, exchange, "#");
    byte[] cdr = AppProcess.callRecord("cdr-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    String[] arguments = ("--callpush.verification.tokens=" + TOKEN + " " + settings.replace("EXCHANGE", exchange))
        .split(" ");
    try (AppProcess app = AppProcess.start(arguments)) {
      app.awaitStarted();

      assertThat(app.push(cdr, TOKEN).statusCode()).isEqualTo(200);
      assertThat(app.push(cdr, TOKEN).statusCode()).as("duplicate").isEqualTo(200);

      GetResponse message = channel.basicGet(queue, true);
      assertThat(message).as("the forwarded push; the app said:%n%s", app.output()).isNotNull();
      assertThat(message.getBody()).isEqualTo(cdr);
      assertThat(channel.messageCount(queue)).as("messages the duplicate published").isZero();
      assertThat(app.output()).contains("callpush endpoint /hooks/callpush: ").doesNotContain("guest:guest")
          .doesNotContain(TOKEN);
    }
  }
}

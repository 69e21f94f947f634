package io.github.callpush.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
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
    byte[] cdr = Files.readString(Path.of(System.getProperty("sample.cdr")), StandardCharsets.UTF_8)
        .replace("\"0db0948a14ea4b7eaa719f1f2501d142\"", "\"cdr-" + UUID.randomUUID() + "\"")
        .getBytes(StandardCharsets.UTF_8);
    String[] arguments = ("--callpush.verification.tokens=" + TOKEN + " " + settings.replace("EXCHANGE", exchange))
        .split(" ");
    try (AppProcess app = AppProcess.start(arguments)) {
      int port = Integer.parseInt(app.await(Pattern.compile("Tomcat started on port (\\d+)")).group(1));
      app.await(Pattern.compile("Started PushApp in"));
      HttpClient http = HttpClient.newHttpClient();
      URI endpoint = URI.create("http://127.0.0.1:" + port + "/hooks/callpush?token=" + TOKEN);
      HttpRequest push = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(cdr)).build();

      assertThat(http.send(push, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
      assertThat(http.send(push, HttpResponse.BodyHandlers.ofString()).statusCode()).as("duplicate").isEqualTo(200);

      GetResponse message = channel.basicGet(queue, true);
      assertThat(message).as("the forwarded push; the app said:%n%s", app.output()).isNotNull();
      assertThat(message.getBody()).isEqualTo(cdr);
      assertThat(channel.messageCount(queue)).as("messages the duplicate published").isZero();
      assertThat(app.output()).contains("callpush endpoint /hooks/callpush: ").doesNotContain("guest:guest")
          .doesNotContain(TOKEN);
    }
  }
}

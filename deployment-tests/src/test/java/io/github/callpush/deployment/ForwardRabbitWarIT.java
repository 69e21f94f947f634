package io.github.callpush.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import io.github.callpush.fixtures.Samples;
import io.github.callpush.fixtures.simulator.PlatformSimulator;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A WAR forwarding to the real RabbitMQ on 127.0.0.1:5672: web.xml's {@code forward} init-param with
 * push-forward-rabbitmq and amqp-client in {@code WEB-INF/lib}, as the README tells web.xml users; and the two
 * ways to get it wrong (a misspelt URI parameter, a module left out), which keep the webapp from starting.
 */
@ParameterizedClass
@EnumSource // Tomcat 9 with push-servlet-javax, 10.1 and 11 with push-servlet; the forwarding module serves both
class ForwardRabbitWarIT extends OnTomcat {

  private static final String NAME = "forward-rabbitmq";
  /** What the RabbitMQ client's threads are named: ours through its thread factory, or the client's own name. */
  private static final List<String> CLIENT_THREADS = List.of("callpush-rabbitmq-", "AMQP Connection");

  private final String exchange = "callpush-war-it-" + UUID.randomUUID();
  private Connection admin;
  private Channel channel;

  @BeforeEach
  void connect() throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setHost("127.0.0.1");
    factory.setUsername("guest");
    factory.setPassword("guest");
    admin = factory.newConnection("callpush-war-it-admin");
    channel = admin.createChannel();
  }

  @AfterEach
  void cleanUp() throws Exception {
    channel.exchangeDelete(exchange);
    admin.close();
  }

  private String forward(String query) {
    return "amqp://guest:guest@127.0.0.1:5672/%2F?" + query;
  }

  @Test
  void pushesLandOnceInTheExchangeAsReceivedAndUndeployStopsTheClientsThreads() throws Exception {
    channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
    String queue = channel.queueDeclare("", false, true, false, null).getQueue();
    channel.queueBind(queue, exchange, "#");
    Webapp webapp = webapp(NAME).initParam("token", TOKEN).initParam("forward", forward("exchange=" + exchange))
        .libraries("forward-rabbitmq").build();
    List<Push> pushes = List.of(Samples.named("cdr").push(),
        Samples.named("login").push().encodedIn(Charset.forName("GBK")), Pushes.callRecord().answered(42).build());
    List<GetResponse> messages = new ArrayList<>();
    deployStarted(webapp);
    try (PlatformSimulator platform = PlatformSimulator.builder().url(tomcat.uri(webapp.pushPath())).token(TOKEN)
        .retries(0).timeout(Duration.ofSeconds(10)).build()) {
      assertThat(platform.send(pushes).allAcked()).as("first deliveries acknowledged").isTrue();
      for (GetResponse message; (message = channel.basicGet(queue, true)) != null; ) {
        messages.add(message);
      }
      assertThat(platform.send(pushes).allAcked()).as("duplicates acknowledged").isTrue();
      // each 200 came after the broker's confirm, so a duplicate that published would be in the queue by now
      assertThat(channel.messageCount(queue)).as("messages the duplicates published").isZero();
      assertThat(webapp.handledEvents()).containsExactlyElementsOf(pushes.stream().map(Push::eventId).toList());
      assertThat(tomcat.threadDump()).as("the client's threads while deployed").contains(CLIENT_THREADS.get(0));
    } finally {
      assertThat(tomcat.undeploy(webapp.contextPath())).startsWith("OK");
    }

    assertThat(messages).extracting(GetResponse::getBody)
        .containsExactlyInAnyOrderElementsOf(pushes.stream().map(Push::body).toList());
    String threads = tomcat.threadDump();
    assertThat(CLIENT_THREADS).as("threads left after the undeploy").noneMatch(threads::contains);
    assertThat(tomcat.leakWarnings(NAME)).as("Tomcat's warnings about what %s left", NAME).isEmpty();
    assertThat(tomcat.userLog()).as("the password of the forward URI").doesNotContain("guest:guest");
  }

  @Test
  void aMisspeltForwardParameterStopsTheWebappAndTheLogNamesTheInitParam() throws Exception {
    assertForwardRefused(webapp("forward-typo").initParam("token", TOKEN).initParam("forward", forward("exchang=x"))
        .libraries("forward-rabbitmq"), "exchang", "guest:guest");
  }

  @Test
  void aForwardUriWhoseModuleIsMissingStopsTheWebappAndTheLogNamesTheModule() throws Exception {
    assertForwardRefused(webapp("forward-no-kafka").initParam("token", TOKEN)
        .initParam("forward", "kafka://127.0.0.1:9092/pushes").libraries("forward-rabbitmq"), "push-forward-kafka",
        "guest:guest");
  }
}

package io.github.callpush.forward.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import io.github.callpush.ChaosProxy;
import io.github.callpush.EndpointSettings.Setting;
import io.github.callpush.EndpointSettings;
import io.github.callpush.InvalidSettingException;
import io.github.callpush.PushExchange;
import io.github.callpush.PushObserver;
import io.github.callpush.PushReceiver;
import io.github.callpush.ReceivedPush;
import io.github.callpush.ReceiverSetup;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.OncePerEvent;
import io.github.callpush.event.PushEvent;
import io.github.callpush.fixtures.EmbeddedReceiver;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import io.github.callpush.fixtures.Samples;
import io.github.callpush.fixtures.Scenarios;
import io.github.callpush.fixtures.simulator.DeliveryReport;
import io.github.callpush.fixtures.simulator.PlatformSimulator;
import io.github.callpush.forward.PushHeaders;
import io.github.callpush.verify.TokenVerifier;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The forwarder against the real RabbitMQ on 127.0.0.1:5672, over HTTP from the platform simulator. */
class RabbitForwarderIT {

  private static final String TOKEN = "t0ken";

  private final String exchange = "callpush-it-" + UUID.randomUUID();
  private final List<PushExchange> answered = new CopyOnWriteArrayList<>();
  private final List<Throwable> failures = new CopyOnWriteArrayList<>();
  private final CountDownLatch failed = new CountDownLatch(1);
  private Connection admin;
  private Channel channel;

  @BeforeEach
  void connect() throws Exception {
    admin = LocalRabbitMq.factory(LocalRabbitMq.PORT).newConnection("callpush-it-admin");
    channel = admin.createChannel();
  }

  @AfterEach
  void cleanUp() throws Exception {
    channel.exchangeDelete(exchange);
    admin.close();
  }

  private RabbitForwarder forwarder(int port) throws Exception {
    return RabbitForwarder.builder(LocalRabbitMq.factory(port)).exchange(exchange)
        .confirmTimeout(Duration.ofSeconds(2)).build();
  }

  /** A queue of this test bound to the exchange for every routing key, deleted with the admin connection. */
  private String queue() throws Exception {
    String queue = channel.queueDeclare("", false, true, false, null).getQueue();
    channel.queueBind(queue, exchange, "#");
    return queue;
  }

  private PushReceiver receiver(RabbitForwarder forwarder) {
    return PushReceiver.builder().verifier(TokenVerifier.builder().token(TOKEN).build())
        .onReceived("rabbitmq", forwarder).observer(new PushObserver() {
          @Override
          public void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
            failures.add(failure);
            failed.countDown();
          }

          @Override
          public void answered(PushExchange exchange) {
            answered.add(exchange);
          }
        }).build();
  }

  private static PlatformSimulator.Builder platform(EmbeddedReceiver server) {
    return PlatformSimulator.builder().url(server.url()).token(TOKEN).timeout(Duration.ofSeconds(10));
  }

  /** The push as the receiver hands it to its listeners, under {@code eventKey}. */
  private static ReceivedPush received(Push push, String eventKey) {
    return new ReceivedPush(PushDecoder.defaults().decode(push.body(), push.contentType()), eventKey, push.body(),
        push.contentType(), Instant.now());
  }

  private List<GetResponse> drain(String queue) throws Exception {
    List<GetResponse> messages = new ArrayList<>();
    for (GetResponse message; (message = channel.basicGet(queue, true)) != null; ) {
      messages.add(message);
    }
    return messages;
  }

  @Test
  void theForwardSettingFindsThisModuleByItsSchemeAndClosesItWithTheEndpoint() throws Exception {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Push cdr = Samples.named("cdr").push();
    ReceiverSetup setup = EndpointSettings.builder().tokens(List.of(TOKEN))
        .forward("amqp://guest:guest@127.0.0.1:" + LocalRabbitMq.PORT + "/%2F?exchange=" + exchange
            + "&confirm-timeout-ms=2000&heartbeat=30")
        .build().configure();
    List<GetResponse> messages;
    try (setup; EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(setup.build()).start();
        PlatformSimulator platform = platform(server).retries(0).build()) {
      assertThat(setup.forwarder()).isInstanceOf(RabbitForwarder.class);
      String queue = queue();
      assertThat(platform.send(cdr).allAcked()).isTrue();
      messages = drain(queue);
    }

    assertThat(messages).singleElement().satisfies(message -> {
      assertThat(message.getBody()).isEqualTo(cdr.body());
      assertThat(message.getEnvelope().getRoutingKey()).isEqualTo("cdr");
    });
    assertThat(threadsStartedSince(before)).as("closed with the endpoint").noneMatch(name -> name.contains("rabbitmq"));
    assertThatThrownBy(() -> EndpointSettings.builder().tokens(List.of(TOKEN))
        .forward("amqp://guest:guest@127.0.0.1:" + LocalRabbitMq.PORT + "/%2F?exchang=x").build().configure())
        .isInstanceOfSatisfying(InvalidSettingException.class, refused -> {
          assertThat(refused.setting()).isEqualTo(Setting.FORWARD);
          assertThat(refused.reason()).startsWith("unknown parameter exchang in the amqp URI");
          assertThat(refused.getMessage()).doesNotContain("guest:guest");
        });
  }

  @Test
  void pushesLandOnceAsReceivedWithTheirHeadersAndComeBackAsTheSameEvents() throws Exception {
    Push cdr = Samples.named("cdr").push();
    Push gbk = Samples.named("login").push().encodedIn(Charset.forName("GBK"));
    Push hangup = Pushes.callSheetHangup().build();
    List<Push> pushes = List.of(cdr, gbk, hangup);
    List<GetResponse> messages;
    try (RabbitForwarder forwarder = forwarder(LocalRabbitMq.PORT); PushReceiver receiver = receiver(forwarder);
        EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(receiver).start();
        PlatformSimulator platform = platform(server).retries(0).build()) {
      String queue = queue();
      assertThat(platform.send(pushes).allAcked()).isTrue();
      DeliveryReport again = platform.send(pushes);
      messages = drain(queue);

      assertThat(again.allAcked()).isTrue();
    }

    assertThat(answered).extracting(exchange -> exchange.outcome().code())
        .containsExactly("handled", "handled", "handled", "duplicate", "duplicate", "duplicate");
    assertThat(messages).hasSize(3);
    for (int i = 0; i < 3; i++) {
      Push push = pushes.get(i);
      PushExchange exchange = answered.get(i);
      GetResponse message = messages.stream()
          .filter(m -> exchange.eventKey().equals(m.getProps().getMessageId())).findFirst().orElseThrow();
      AMQP.BasicProperties properties = message.getProps();
      ReceivedPush back = RabbitPushes.received(properties, message.getBody());

      assertThat(back.event().eventId()).isEqualTo(push.eventId());
      assertThat(back.event().raw()).isEqualTo(exchange.event().raw());
      assertThat(back.receivedAt()).isEqualTo(exchange.receivedAt());
      assertThat(properties.getDeliveryMode()).isEqualTo(2);
      assertThat(message.getEnvelope().getRoutingKey()).isEqualTo(exchange.event().pushType());
      Map<String, String> headers = new java.util.HashMap<>();
      properties.getHeaders().forEach((name, value) -> headers.put(name, value.toString()));
      assertThat(properties.getTimestamp().toInstant())
          .isEqualTo(exchange.receivedAt().truncatedTo(ChronoUnit.SECONDS));
      assertThat(headers).containsEntry(PushHeaders.PUSH_TYPE, exchange.event().pushType())
          .containsEntry(PushHeaders.EVENT_KEY, exchange.eventKey())
          .containsEntry(PushHeaders.ACCOUNT_ID, exchange.event().accountId())
          .containsEntry(PushHeaders.RECEIVED_AT, exchange.receivedAt().toString());
      if (push == hangup) {
        assertThat(properties.getContentType()).startsWith("application/x-www-form-urlencoded");
        assertThat(new String(message.getBody(), Charset.forName("UTF-8"))).doesNotContain(TOKEN)
            .contains("CallSheetID=");
      } else {
        assertThat(message.getBody()).isEqualTo(push.body());
        String sent = exchange.request().contentType();
        assertThat(sent).isEqualToIgnoringCase(push.contentType());
        assertThat(properties.getContentType()).isEqualTo(sent);
        assertThat(headers).containsEntry(PushHeaders.CONTENT_TYPE, sent);
        assertThat(headers.get(PushHeaders.CALL_ID)).isEqualTo(exchange.event().callId()); // absent for a login
      }
    }
  }

  @Test
  void eightConcurrentPlatformConnectionsPublishEveryPushOnce() throws Exception {
    List<Push> pushes = IntStream.range(0, 60).boxed()
        .flatMap(seed -> Scenarios.seeded(seed).named(Scenarios.OUTBOUND_ANSWERED).pushes().stream()).toList();
    List<GetResponse> messages;
    long nanos;
    try (RabbitForwarder forwarder = forwarder(LocalRabbitMq.PORT); PushReceiver receiver = receiver(forwarder);
        EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(receiver).start();
        PlatformSimulator platform = platform(server).retries(0).concurrency(8).build()) {
      String queue = queue();
      long start = System.nanoTime();
      DeliveryReport report = platform.send(pushes);
      nanos = System.nanoTime() - start;
      messages = drain(queue);

      assertThat(report.allAcked()).as(report.summary()).isTrue();
    }

    List<String> handledKeys = answered.stream().filter(exchange -> exchange.outcome().code().equals("handled"))
        .map(PushExchange::eventKey).toList();
    assertThat(handledKeys).doesNotHaveDuplicates().hasSize(pushes.size());
    assertThat(messages).extracting(message -> message.getProps().getMessageId())
        .containsExactlyInAnyOrderElementsOf(handledKeys);
    System.out.printf("rabbitmq: %d pushes, %d published, concurrency 8, %d ms, %.0f pushes/s%n", pushes.size(),
        messages.size(), TimeUnit.NANOSECONDS.toMillis(nanos), pushes.size() / (nanos / 1e9));
  }

  @Test
  void aBrokerOutageIsAnswered503WithinTheDeadlineAndTheRetryLandsThePushOnce() throws Exception {
    Push push = Samples.named("cdr").push();
    try (ChaosProxy proxy = new ChaosProxy(LocalRabbitMq.PORT); RabbitForwarder forwarder = forwarder(proxy.port());
        PushReceiver receiver = receiver(forwarder);
        EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(receiver).start();
        PlatformSimulator platform = platform(server).retries(30).backoff(Duration.ofMillis(100)).build()) {
      String queue = queue();
      assertThat(platform.send(Samples.named("login").push()).allAcked()).isTrue();
      proxy.cut();
      CompletableFuture<DeliveryReport> sent = CompletableFuture.supplyAsync(() -> platform.send(push));
      assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
      long queuedDuringOutage = channel.messageCount(queue);
      proxy.restore();
      DeliveryReport report = sent.get(30, TimeUnit.SECONDS);
      List<GetResponse> messages = drain(queue);

      List<DeliveryReport.Attempt> attempts = report.deliveries().get(0).attempts();
      assertThat(queuedDuringOutage).isEqualTo(1);
      assertThat(attempts.get(0).status()).isEqualTo(503);
      assertThat(attempts.get(0).header("Retry-After")).isNotNull();
      assertThat(attempts.get(0).took()).isLessThan(Duration.ofSeconds(3));
      assertThat(attempts.get(attempts.size() - 1).status()).isEqualTo(200);
      assertThat(failures.get(0)).hasMessageContaining("RabbitMQ unreachable").hasMessageContaining(exchange);
      assertThat(messages).hasSize(2).filteredOn(m -> new String(m.getBody(), Charset.forName("UTF-8"))
          .equals(push.bodyText())).hasSize(1);
      System.out.printf("rabbitmq outage: %d attempts, first answered %d in %d ms, landed after the restore%n",
          attempts.size(), attempts.get(0).status(), attempts.get(0).took().toMillis());
    }
  }

  @Test
  void anUnroutablePushIsAnswered503UntilAQueueIsBoundThenLandsOnce() throws Exception {
    Push push = Samples.named("cdr").push();
    try (RabbitForwarder forwarder = forwarder(LocalRabbitMq.PORT); PushReceiver receiver = receiver(forwarder);
        EmbeddedReceiver server = EmbeddedReceiver.builder().receiver(receiver).start();
        PlatformSimulator platform = platform(server).retries(30).backoff(Duration.ofMillis(100)).build()) {
      CompletableFuture<DeliveryReport> sent = CompletableFuture.supplyAsync(() -> platform.send(push));
      assertThat(failed.await(10, TimeUnit.SECONDS)).isTrue();
      String queue = queue();
      DeliveryReport report = sent.get(30, TimeUnit.SECONDS);
      List<GetResponse> messages = drain(queue);

      assertThat(report.deliveries().get(0).attempts().get(0).status()).isEqualTo(503);
      assertThat(report.allAcked()).isTrue();
      assertThat(failures.get(0)).hasMessageStartingWith("unroutable").hasMessageContaining("NO_ROUTE");
      assertThat(messages).singleElement().satisfies(m -> assertThat(m.getBody()).isEqualTo(push.body()));
    }
  }

  @Test
  void aMessageTheBrokerRejectsFailsThePush() throws Exception {
    Push push = Samples.named("cdr").push();
    String full = channel.queueDeclare("", false, true, true,
        Map.of("x-max-length", 0, "x-overflow", "reject-publish")).getQueue();
    try (RabbitForwarder forwarder = forwarder(LocalRabbitMq.PORT)) {
      channel.queueBind(full, exchange, "#");
      ReceivedPush received = received(push, "k-rejected");

      assertThatThrownBy(() -> forwarder.onPush(received))
          .hasMessageContaining("rejected (nack)").hasMessageContaining("k-rejected");
      channel.queueUnbind(full, exchange, "#");
      String queue = queue();
      forwarder.onPush(received);
      assertThat(drain(queue)).singleElement().satisfies(m -> assertThat(m.getBody()).isEqualTo(push.body()));
    }
  }

  @Test
  void aConfirmLaterThanTheTimeoutFailsThePushInTimeThoughTheMessageMayLand() throws Exception {
    Push push = Samples.named("cdr").push();
    try (StallingProxy proxy = new StallingProxy(LocalRabbitMq.PORT);
        RabbitForwarder forwarder = RabbitForwarder.builder(LocalRabbitMq.factory(proxy.port())).exchange(exchange)
            .confirmTimeout(Duration.ofMillis(500)).build()) {
      String queue = queue();
      forwarder.onPush(received(push, "k-before"));
      proxy.stall();
      long start = System.nanoTime();
      assertThatThrownBy(() -> forwarder.onPush(received(push, "k-late")))
          .hasMessageContaining("did not confirm event k-late").hasMessageContaining("within PT0.5S");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      proxy.resume();
      forwarder.onPush(received(push, "k-after"));

      assertThat(took).as("the deadline, not the broker, ends the wait").isBetween(Duration.ofMillis(500),
          Duration.ofMillis(3000));
      assertThat(drain(queue)).extracting(message -> message.getProps().getMessageId())
          .containsExactly("k-before", "k-late", "k-after");
    }
  }

  @Test
  void aConsumerRunsItsHandlerOnceThoughTheMessageIsRedelivered() throws Exception {
    Push push = Samples.named("cdr").push();
    OncePerEvent once = OncePerEvent.builder(InMemoryDedupStore.builder().build()).build();
    AtomicInteger handled = new AtomicInteger();
    List<String> results = new CopyOnWriteArrayList<>();
    List<Boolean> redelivered = new CopyOnWriteArrayList<>();
    CountDownLatch acked = new CountDownLatch(1);
    try (RabbitForwarder forwarder = forwarder(LocalRabbitMq.PORT)) {
      Channel consumer = admin.createChannel();
      String queue = queue();
      forwarder.onPush(received(push, "acc:cdr:redelivered"));
      consumer.basicConsume(queue, false, (tag, delivery) -> {
        long deliveryTag = delivery.getEnvelope().getDeliveryTag();
        redelivered.add(delivery.getEnvelope().isRedeliver());
        ReceivedPush received = RabbitPushes.received(delivery);
        try {
          OncePerEvent.Result result = once.run(received.eventKey(), "billing", handled::incrementAndGet);
          results.add(result.name());
          if (results.size() == 1) {
            consumer.basicNack(deliveryTag, false, true); // the handler ran, the ack is lost: delivered again
          } else {
            consumer.basicAck(deliveryTag, false);
            acked.countDown();
          }
        } catch (Exception failed) {
          consumer.basicNack(deliveryTag, false, true);
        }
      }, tag -> { });

      assertThat(acked.await(10, TimeUnit.SECONDS)).isTrue();
      consumer.close(); // an unacked message would be ready again now
      assertThat(channel.messageCount(queue)).isZero();
    }

    assertThat(handled).hasValue(1);
    assertThat(results).containsExactly("RAN", "DONE_BEFORE");
    assertThat(redelivered).containsExactly(false, true);
  }

  @Test
  void closeLeavesNoClientThreadRunning() throws Exception {
    Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    List<String> whileOpen;
    try (RabbitForwarder forwarder = forwarder(LocalRabbitMq.PORT)) {
      String queue = queue();
      Push push = Samples.named("cdr").push();
      forwarder.onPush(received(push, "k-close"));
      assertThat(drain(queue)).hasSize(1);
      whileOpen = threadsStartedSince(before);
    }

    assertThat(whileOpen).isNotEmpty().allMatch(name -> name.startsWith("callpush-rabbitmq-"));
    assertThat(threadsStartedSince(before)).isEmpty();
  }

  /** The names of the live threads not in {@code before} that look like the client's (ours or its defaults). */
  private static List<String> threadsStartedSince(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream().filter(thread -> thread.isAlive() && !before.contains(thread))
        .map(Thread::getName).filter(name -> name.contains("rabbitmq") || name.contains("AMQP")).sorted().toList();
  }
}

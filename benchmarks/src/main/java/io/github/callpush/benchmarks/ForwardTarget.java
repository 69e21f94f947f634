package io.github.callpush.benchmarks;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import io.github.callpush.PushObserver;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushServlet;
import io.github.callpush.ReceivedPushListener;
import io.github.callpush.dedup.DedupStores;
import io.github.callpush.event.PushEvent;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.PushForwarders;
import io.github.callpush.forward.kafka.KafkaBroker;
import io.github.callpush.verify.TokenVerifier;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.jetty.server.Server;

/**
 * The forwarding benchmark's target (issue 17). First the raw client's confirmed sends per second on the broker,
 * {@code THREADS} threads each sending {@code BODY_FILE}'s bytes and waiting for the confirm, printed as
 * {@code raw=...}: for Kafka the better of Kafka's default settings and {@code linger.ms=0} (the forwarder's
 * default), unless the settings name {@code linger.ms}. Then one Jetty serving two receivers (token, in-memory
 * dedup) that differ only in their {@code onReceived} listener: {@code /forward} the broker's forwarder from the
 * {@code forward} setting's URI, {@code /noop} one that does nothing; {@code GET /listener-time} tells the
 * listeners' mean time since the previous GET. Usage: {@code ForwardTarget PORT BROKER BODY_FILE THREADS
 * RAW_SECONDS RAW_WARMUP_SECONDS [DELAY_MS]}, BROKER {@code kafka[?producer settings]} (a KRaft broker of its own,
 * {@link KafkaBroker}, stopped at exit; the settings go to both the raw producer and the forwarder's URI) or an
 * {@code amqp://} URI (a durable queue capped at 10,000 messages is bound to the exchange for the run).
 * DELAY_MS (default 0) puts the broker behind a {@link LatencyProxy} with that one-way delay, for the raw client
 * and the forwarder alike: a broker across a network.
 */
public final class ForwardTarget {

  private static final String TOPIC = "callpush-bench";
  private static final String EXCHANGE = "callpush-bench";
  private static final String QUEUE = "callpush-bench";
  /** The forwarder's routing key for the call record: its push type. */
  private static final String ROUTING_KEY = "cdr";
  /** The forwarder keys a record by its call id; the load's call id is constant, so is this key. */
  private static final byte[] KEY = "bench-call-id".getBytes(StandardCharsets.UTF_8);

  private ForwardTarget() {}

  /** Measures the raw client, then serves the receivers until the process is stopped. */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String broker = args[1];
    byte[] body = Files.readAllBytes(Path.of(args[2]));
    int threads = Integer.parseInt(args[3]);
    Duration rawTime = Duration.ofMillis((long) (Double.parseDouble(args[4]) * 1000));
    Duration warmup = Duration.ofMillis((long) (Double.parseDouble(args[5]) * 1000));
    Duration delay = Duration.ofNanos((long) (Double.parseDouble(args.length > 6 ? args[6] : "0") * 1e6));
    List<AutoCloseable> cleanup = new ArrayList<>();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> closeAll(cleanup), "callpush-bench-cleanup"));
    Map<String, RawSends> raws = new LinkedHashMap<>();
    String forward;
    if (broker.equals("kafka") || broker.startsWith("kafka?")) {
      String query = broker.substring("kafka".length());
      KafkaBroker kafka;
      if (delay.isZero()) {
        kafka = KafkaBroker.start();
      } else { // every client reaches the broker through the proxy, which the broker advertises
        int brokerPort = KafkaBroker.freePort();
        LatencyProxy proxy = new LatencyProxy(brokerPort, delay);
        cleanup.add(proxy);
        kafka = KafkaBroker.start(brokerPort, proxy.port());
      }
      cleanup.add(0, kafka);
      kafka.createTopic(TOPIC, 3);
      Properties settings = settings(query);
      raws.put("Kafka's defaults", kafka(kafka.bootstrapServers(), settings, cleanup));
      if (!settings.containsKey(ProducerConfig.LINGER_MS_CONFIG)) { // the forwarder's default, not Kafka's
        settings.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        raws.put("linger.ms=0", kafka(kafka.bootstrapServers(), settings, cleanup));
      }
      forward = "kafka://" + kafka.bootstrapServers() + "/" + TOPIC + query;
    } else {
      String uri = broker;
      if (!delay.isZero()) {
        URI given = new URI(broker);
        LatencyProxy proxy = new LatencyProxy(given.getPort() < 0 ? 5672 : given.getPort(), delay);
        cleanup.add(proxy); // closed last: the connections through it are closed first
        String userInfo = given.getRawUserInfo() == null ? "" : given.getRawUserInfo() + "@";
        uri = broker.replace("//" + given.getRawAuthority(), "//" + userInfo + "127.0.0.1:" + proxy.port());
      }
      raws.put("a channel per thread", rabbit(uri, cleanup));
      forward = uri + (uri.contains("?") ? "&" : "?") + "exchange=" + EXCHANGE;
    }
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      double best = 0;
      StringBuilder each = new StringBuilder();
      for (Map.Entry<String, RawSends> raw : raws.entrySet()) {
        timed(executor, threads, warmup, raw.getValue(), body);
        double perSecond = timed(executor, threads, rawTime, raw.getValue(), body);
        each.append(String.format(Locale.ROOT, "%s%s %.0f", each.length() == 0 ? "" : ", ", raw.getKey(), perSecond));
        best = Math.max(best, perSecond);
      }
      System.out.printf(Locale.ROOT, "raw=%.0f confirmed sends/s, the best of: %s (%d threads, %s each%s)%n", best,
          each, threads, rawTime, delay.isZero() ? "" : ", the broker " + delay.toNanos() / 1e6 + " ms away each way");
    } finally {
      executor.shutdownNow();
    }
    PushForwarder forwarder = PushForwarders.fromSpec(forward);
    cleanup.add(0, forwarder);
    Map<String, Servlet> servlets = new LinkedHashMap<>();
    ListenerTime listenerTime = new ListenerTime();
    servlets.put("/forward", new PushServlet(receiver("callpush-forward", forwarder::onPush, listenerTime)));
    servlets.put("/noop", new PushServlet(receiver("noop", push -> {}, listenerTime)));
    servlets.put("/listener-time", listenerTime);
    Server server = LoadTarget.serve(port, servlets);
    System.out.println("listening on " + server.getURI() + " forward=" + PushForwarders.shown(forward));
    server.join();
  }

  private static PushReceiver receiver(String id, ReceivedPushListener listener, PushObserver observer) {
    return PushReceiver.builder()
        .observer(observer)
        .verifier(TokenVerifier.builder().token(LoadTarget.TOKEN).build())
        .dedupStore(DedupStores.fromSpec("memory"))
        .onReceived(id, listener)
        .build();
  }

  /** The producer settings of {@code query} ({@code ?name=value&...}, which the forwarder's URI gets too). */
  private static Properties settings(String query) {
    Properties settings = new Properties();
    for (String setting : query.isEmpty() ? new String[0] : query.substring(1).split("&")) {
      String[] nameValue = setting.split("=", 2);
      settings.put(nameValue[0], nameValue[1]);
    }
    return settings;
  }

  /**
   * The raw Kafka client: one producer with {@code given} settings and the forwarder's own (idempotent,
   * acks=all), send().get().
   */
  private static RawSends kafka(String servers, Properties given, List<AutoCloseable> cleanup) {
    Properties settings = new Properties();
    settings.putAll(given);
    settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
    settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    settings.put(ProducerConfig.ACKS_CONFIG, "all");
    settings.put(ProducerConfig.CLIENT_ID_CONFIG, "callpush-bench-raw-" + cleanup.size());
    Producer<byte[], byte[]> producer = new KafkaProducer<>(settings);
    cleanup.add(0, () -> producer.close(Duration.ofSeconds(5)));
    return thread -> body -> producer.send(new ProducerRecord<>(TOPIC, KEY, body)).get(5, TimeUnit.SECONDS);
  }

  /**
   * The raw RabbitMQ client: a channel per thread in confirm mode, each message persistent and mandatory, then
   * {@code waitForConfirmsOrDie}; a returned (unroutable) message fails the run.
   */
  private static RawSends rabbit(String uri, List<AutoCloseable> cleanup) throws Exception {
    ConnectionFactory factory = new ConnectionFactory();
    factory.setUri(uri);
    Connection connection = factory.newConnection("callpush-bench-raw");
    cleanup.add(0, connection);
    try (Channel setup = connection.createChannel()) {
      setup.exchangeDeclare(EXCHANGE, "topic", true);
      setup.queueDeclare(QUEUE, true, false, false, Map.of("x-max-length", 10_000));
      setup.queueBind(QUEUE, EXCHANGE, "#");
    }
    cleanup.add(0, () -> {
      try (Channel teardown = connection.createChannel()) {
        teardown.queueDelete(QUEUE);
      }
    });
    LongAdder returned = new LongAdder();
    return thread -> {
      Channel channel = connection.createChannel();
      channel.confirmSelect();
      channel.addReturnListener(message -> returned.increment());
      return body -> {
        AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC;
        channel.basicPublish(EXCHANGE, ROUTING_KEY, true, properties, body);
        channel.waitForConfirmsOrDie(5_000);
        if (returned.sum() > 0) {
          throw new IllegalStateException("RabbitMQ returned a message as unroutable");
        }
      };
    };
  }

  /** Runs {@code sends} on {@code threads} threads for {@code time}; returns confirmed sends per second. */
  private static double timed(ExecutorService executor, int threads, Duration time, RawSends sends, byte[] body)
      throws Exception {
    if (time.isZero()) {
      return Double.NaN;
    }
    return Throughput.perSecond(executor, threads, time, thread -> {
      RawSender sender = sends.open(thread);
      return n -> sender.send(body);
    });
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (AutoCloseable resource : resources) {
      try {
        resource.close();
      } catch (Exception | Error failed) {
        System.err.println("closing " + resource + " failed: " + failed);
      }
    }
  }

  /**
   * The listeners' time in the receivers, as the receiver measures it ({@link PushObserver#listenerRan}): a GET
   * answers {@code runs=N mean_ms=M} since the previous GET.
   */
  private static final class ListenerTime extends HttpServlet implements PushObserver {

    private final LongAdder runs = new LongAdder();
    private final LongAdder nanos = new LongAdder();

    @Override
    public void listenerRan(PushEvent event, String listenerId, long time, boolean succeeded) {
      runs.increment();
      nanos.add(time);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
      long count = runs.sumThenReset();
      double mean = count == 0 ? 0 : nanos.sumThenReset() / 1e6 / count;
      response.setContentType("text/plain");
      response.getWriter().printf(Locale.ROOT, "runs=%d mean_ms=%.3f%n", count, mean);
    }
  }

  /** Opens a thread's sender (a channel of its own, or the shared producer). */
  @FunctionalInterface
  private interface RawSends {
    RawSender open(int thread) throws Exception;
  }

  /** Sends one message and returns once the broker confirmed it. */
  @FunctionalInterface
  private interface RawSender {
    void send(byte[] body) throws Exception;
  }
}

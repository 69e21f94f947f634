package io.github.callpush.forward.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka (broker and controller in one) from Maven Central's {@code kafka_2.13}, in a JVM
 * of its own on the test's classpath, with a temporary log dir and free ports; its output goes to
 * {@code broker.log} there. {@link #stop} and {@link #start} again keep the log dir and ports: a broker down and
 * back mid-test. {@link #close} stops it and deletes the dir; a shutdown hook kills it if the test JVM exits
 * first. {@link #start(int, int)} advertises its client listener at another port, a proxy's in front of it (the
 * controller listener stays direct), so that clients stay on the proxy and a test can cut their connections.
 */
public final class KafkaBroker implements AutoCloseable {

  private static final Duration READY = Duration.ofSeconds(60);

  private final Path dir;
  private final int port;
  private final int advertisedPort;
  private final Path config;
  private final Path log;
  private final Thread killer = new Thread(this::kill, "callpush-kafka-broker-killer");
  private Process process;
  private Duration lastStart;

  private KafkaBroker(int port, int advertisedPort) throws IOException {
    dir = Files.createTempDirectory("callpush-kafka-");
    this.port = port;
    this.advertisedPort = advertisedPort;
    int controllerPort = freePort();
    config = dir.resolve("server.properties");
    log = dir.resolve("broker.log");
    Files.writeString(config, String.join("\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + advertisedPort,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "num.partitions=3",
        "auto.create.topics.enable=false",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=1",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "num.network.threads=1",
        "num.io.threads=2",
        "background.threads=2",
        "log.cleaner.enable=false",
        ""), StandardCharsets.UTF_8);
    Runtime.getRuntime().addShutdownHook(killer);
  }

  /** Formats a new log dir and starts the broker; fails with the broker's log tail when it does not come up. */
  public static KafkaBroker start() throws IOException, InterruptedException {
    int port = freePort();
    return start(port, port);
  }

  /**
   * Like {@link #start()}, the client listener on {@code port} (see {@link #freePort()}) but advertised at
   * {@code 127.0.0.1:advertisedPort}, where a proxy to {@code port} must listen (say push-servlet's test
   * {@code ChaosProxy}): every client, this class's own included, then reaches the broker through the proxy.
   */
  public static KafkaBroker start(int port, int advertisedPort) throws IOException, InterruptedException {
    KafkaBroker broker = new KafkaBroker(port, advertisedPort);
    try {
      broker.format();
      broker.restart();
      return broker;
    } catch (IOException | RuntimeException | InterruptedException | Error failure) {
      broker.close();
      throw failure;
    }
  }

  /** {@code 127.0.0.1:port} (the advertised one), for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + advertisedPort;
  }

  /** How long the last start took, until a client got the cluster's description. */
  public Duration lastStart() {
    return lastStart;
  }

  /** Creates {@code topic} with {@code partitions} partitions, replication factor 1. */
  public void createTopic(String topic, int partitions) throws ExecutionException, InterruptedException {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
    } catch (TimeoutException late) {
      throw new AssertionError("topic " + topic + " not created within 30 s\n" + logTail(), late);
    }
  }

  /** Starts the stopped broker again on the same log dir and ports, and waits until a client reaches it. */
  public synchronized void restart() throws IOException, InterruptedException {
    if (process != null) {
      throw new IllegalStateException("the broker runs");
    }
    long begin = System.nanoTime();
    process = java("kafka.Kafka", config.toString()).start();
    awaitReady();
    lastStart = Duration.ofNanos(System.nanoTime() - begin);
  }

  /** Stops the broker process (SIGTERM, then SIGKILL after 20 s) and waits until it exited. */
  public synchronized void stop() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    process = null;
  }

  /** Stops the broker and deletes its log dir. */
  @Override
  public void close() {
    try {
      stop();
    } catch (InterruptedException interrupted) {
      kill();
      Thread.currentThread().interrupt();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killer);
    } catch (IllegalStateException exiting) {
      // the JVM exits: the hook kills the broker
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temp dir left behind is no failure of the test
    }
  }

  /** The last lines of the broker's output. */
  public String logTail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "--- " + log + " (last 40 lines) ---\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException unreadable) {
      return "(no broker log: " + unreadable + ")";
    }
  }

  private void format() throws IOException, InterruptedException {
    Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
        "-c", config.toString()).start();
    if (!format.waitFor(60, TimeUnit.SECONDS)) {
      format.destroyForcibly().waitFor();
      throw new AssertionError("formatting the log dir took over 60 s\n" + logTail());
    }
    if (format.exitValue() != 0) {
      throw new AssertionError("formatting the log dir failed: exit " + format.exitValue() + "\n" + logTail());
    }
  }

  /**
   * Waits until the listener's own port accepts connections, so that a proxy in front of it is not asked to reach
   * the broker before it listens, then until a client gets the cluster's description.
   */
  private void awaitReady() throws InterruptedException {
    long until = System.nanoTime() + READY.toNanos();
    while (!listening()) {
      if (!process.isAlive()) {
        throw new AssertionError("the broker exited with " + process.exitValue() + "\n" + logTail());
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("nothing listens on 127.0.0.1:" + port + " within " + READY.toSeconds() + " s\n"
            + logTail());
      }
      Thread.sleep(50);
    }
    try (Admin admin = admin()) {
      while (true) {
        if (!process.isAlive()) {
          throw new AssertionError("the broker exited with " + process.exitValue() + "\n" + logTail());
        }
        try {
          admin.describeCluster().nodes().get(2, TimeUnit.SECONDS);
          return;
        } catch (ExecutionException | TimeoutException notYet) {
          if (System.nanoTime() > until) {
            throw new AssertionError("no broker on " + bootstrapServers() + " within " + READY.toSeconds()
                + " s\n" + logTail(), notYet);
          }
        }
      }
    }
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  private Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.CLIENT_ID_CONFIG, "callpush-test-admin",
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
        AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
  }

  private ProcessBuilder java(String mainClass, String... args) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=info",
        "-cp", classPath(), mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
  }

  /** Surefire and failsafe put the test's class path in {@code surefire.test.class.path}. */
  private static String classPath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** A loopback port free now, for the broker's listener in {@link #start(int, int)}. */
  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private synchronized void kill() {
    if (process != null) {
      process.destroyForcibly();
    }
  }
}

package io.github.callpush.forward.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ReturnListener;
import com.rabbitmq.client.ShutdownSignalException;
import io.github.callpush.ReceivedPush;
import io.github.callpush.RetryLaterException;
import io.github.callpush.event.PushEvent;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.PushForwarders;
import io.github.callpush.forward.PushHeaders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Forwards each push to a RabbitMQ exchange as received, and returns only once the broker confirmed it: register
 * it with {@code PushReceiver.builder().onReceived("rabbitmq", forwarder)}, so the platform is acknowledged only
 * for a push the broker has. The message is the body's bytes unchanged, persistent (delivery mode 2), published
 * {@code mandatory}, with {@code message-id} = the event key, {@code content-type} = the push's, {@code timestamp}
 * = when it was received, and the {@link PushHeaders}; its routing key is the push type by default.
 *
 * <pre>{@code
 * RabbitForwarder forwarder = RabbitForwarder.builder("amqp://user:pass@mq.example.com:5672/prod")
 *     .exchange("callpush").confirmTimeout(Duration.ofSeconds(5)).build();
 * PushReceiver receiver = PushReceiver.builder().verifier(verifier).onReceived("rabbitmq", forwarder).build();
 * }</pre>
 *
 * <p>{@link #onPush} throws a {@link RetryLaterException}, so the receiver answers 503 with Retry-After and the
 * platform delivers the push again, when the broker cannot be reached, returns the message as unroutable (no queue bound for its routing key), rejects it, or does
 * not confirm it within the {@linkplain Builder#confirmTimeout confirm timeout}; the exception's message says which,
 * never a password. Nothing is lost: the push is acknowledged only after a confirm, and the receiver's dedup keeps a
 * retry after a confirmed publish from publishing again.
 *
 * <p><b>Duplicates.</b> When the node dies, or the dedup store fails, after the broker
 * confirmed and before the receiver completed its claim, the platform's retry publishes the push a second time.
 * Likewise a message whose confirm came too late may still be in the broker when the retry publishes it again.
 * The duplicate carries the same event key (message id and {@link PushHeaders#EVENT_KEY} header): consumers run
 * their handler once per event with {@code OncePerEvent}, see {@link RabbitPushes}.
 *
 * <p><b>Concurrency.</b> The receiver calls {@link #onPush} from many request threads at once. Each call takes a
 * channel of its own from a pool (in confirm mode; the pool grows to the highest concurrency seen), publishes
 * one message and waits for that channel's confirm with {@code waitForConfirms(timeout)}. The broker confirms
 * every channel independently, so n concurrent pushes are n messages in flight and each caller wakes as soon as
 * its own confirm arrives, as with a listener of confirms matching sequence numbers to futures on one shared
 * channel, but without a lock around a shared channel's publishes or bookkeeping of sequence numbers, and a
 * confirm can never be matched to another push. A channel that failed or timed out is closed (a timed-out one on a
 * short-lived thread of its own, as closing waits for the broker) and replaced; one whose message was returned or
 * rejected stays in the pool.
 *
 * <p><b>Threads.</b> The builder sets the connection factory's thread factory (threads named
 * {@code callpush-rabbitmq-*}) and turns automatic recovery on: after an outage the connection and the idle
 * channels come back by themselves; pushes in the meantime fail and are retried by the platform. Topology recovery
 * is turned off: the forwarder declares nothing but the durable exchange, once, on a channel it closes. {@link #close()}
 * closes the channels and the connection and waits for the client's threads to end. Thread-safe.
 */
public final class RabbitForwarder implements PushForwarder {

  /** The exchange published to by default: a durable topic exchange. */
  public static final String DEFAULT_EXCHANGE = "callpush";
  /** How long a publish waits for the broker's confirm by default. */
  public static final Duration DEFAULT_CONFIRM_TIMEOUT = Duration.ofSeconds(5);
  /** The routing key of a push without a push type, with the default routing. */
  public static final String UNKNOWN_PUSH_TYPE = "unknown";

  private static final int PERSISTENT = 2;
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

  private final Connection connection;
  private final ClientThreads threads;
  private final String exchange;
  private final Function<ReceivedPush, String> routingKey;
  private final Duration confirmTimeout;
  private final Deque<Publisher> idle = new ConcurrentLinkedDeque<>();
  private volatile boolean closed;

  private RabbitForwarder(Builder builder, Connection connection, ClientThreads threads) {
    this.connection = connection;
    this.threads = threads;
    this.exchange = builder.exchange;
    this.routingKey = builder.routingKey;
    this.confirmTimeout = builder.confirmTimeout;
  }

  /**
   * A builder connecting with {@code factory}, which {@link Builder#build()} configures: its thread factory,
   * automatic recovery on, topology recovery off.
   */
  public static Builder builder(ConnectionFactory factory) {
    return new Builder(Objects.requireNonNull(factory, "factory"));
  }

  /**
   * A builder connecting to {@code amqp://user:pass@host:5672/vhost} (or {@code amqps://}, which verifies the
   * server's certificate and host name with the JVM's default trust store).
   *
   * @throws IllegalArgumentException when the URI is not an AMQP URI; its message leaves the password out
   */
  public static Builder builder(String amqpUri) {
    Objects.requireNonNull(amqpUri, "amqpUri");
    ConnectionFactory factory = new ConnectionFactory();
    try {
      URI uri = new URI(amqpUri);
      factory.setUri(uri);
      if ("amqps".equalsIgnoreCase(uri.getScheme())) {
        factory.useSslProtocol(SSLContext.getDefault());
        factory.enableHostnameVerification();
      }
    } catch (URISyntaxException | GeneralSecurityException | IllegalArgumentException invalid) {
      throw new IllegalArgumentException("not an AMQP URI: " + PushForwarders.shown(amqpUri));
    }
    return new Builder(factory);
  }

  /**
   * Publishes the push and waits for the broker's confirm.
   *
   * @throws RetryLaterException when the broker is unreachable, returns the message as unroutable, rejects it, or
   *     does not confirm it in time (the message says which): the receiver answers 503 and the platform retries
   */
  @Override
  public void onPush(ReceivedPush push) throws RetryLaterException {
    try {
      publish(push);
    } catch (IOException failed) {
      throw new RetryLaterException(failed.getMessage(), failed);
    }
  }

  private void publish(ReceivedPush push) throws IOException {
    String key = Objects.requireNonNull(routingKey.apply(push), "routing key");
    String what = "event " + push.eventKey() + " to exchange '" + exchange + "' with routing key '" + key + "'";
    Publisher publisher = take(what);
    try {
      publisher.publish(key, properties(push), push.body(), what);
    } finally {
      if (publisher.answered && !closed) {
        idle.offerFirst(publisher);
      } else if (publisher.hung) {
        threads.newThread(publisher::discard).start(); // closing waits for the broker's answer: not on this thread
      } else {
        publisher.discard();
      }
    }
  }

  /** Closes the channels and the connection, and waits (up to 10 s) for the client's threads to end. */
  @Override
  public void close() {
    closed = true;
    for (Publisher publisher; (publisher = idle.pollFirst()) != null; ) {
      publisher.discard();
    }
    connection.abort((int) CLOSE_WAIT.toMillis());
    threads.awaitEnd(CLOSE_WAIT);
  }

  /** The message's properties: persistent, the event key as message id, the content type, time and headers. */
  static AMQP.BasicProperties properties(ReceivedPush push) {
    Map<String, Object> headers = new LinkedHashMap<>(PushHeaders.of(push));
    return new AMQP.BasicProperties.Builder().deliveryMode(PERSISTENT).messageId(push.eventKey())
        .contentType(push.contentType()).timestamp(Date.from(push.receivedAt().truncatedTo(ChronoUnit.SECONDS)))
        .headers(headers).build();
  }

  private static String defaultRoutingKey(ReceivedPush push) {
    String pushType = push.event().pushType();
    return pushType == null || pushType.isEmpty() ? UNKNOWN_PUSH_TYPE : pushType;
  }

  private Publisher take(String what) throws IOException {
    if (closed) {
      throw new IOException("the RabbitMQ forwarder is closed: not publishing " + what);
    }
    for (Publisher publisher; (publisher = idle.pollFirst()) != null; ) {
      if (publisher.channel.isOpen()) {
        return publisher;
      }
      publisher.discard();
    }
    try {
      Channel channel = connection.createChannel();
      if (channel == null) {
        throw new IOException("RabbitMQ has no channel left on the connection: not publishing " + what);
      }
      return new Publisher(channel);
    } catch (IOException | ShutdownSignalException failed) {
      throw new IOException(failure(failed) + ", not publishing " + what + ": " + failed.getMessage(), failed);
    }
  }

  /** A channel closed by the broker (a channel error, e.g. no such exchange) is refused; the rest unreachable. */
  private static String failure(Exception failed) {
    boolean channelError = failed instanceof ShutdownSignalException signal && !signal.isHardError();
    return channelError ? "RabbitMQ closed the channel" : "RabbitMQ unreachable";
  }

  /** A channel in confirm mode used by one thread at a time, with one message in flight. */
  private final class Publisher implements ReturnListener {

    private final Channel channel;
    private volatile String returned;
    /** Whether the broker answered the last publish (confirmed, rejected or returned it): the channel is sound. */
    private boolean answered;
    /** Whether the broker did not answer the last publish in time: closing the channel may wait for it. */
    private boolean hung;

    Publisher(Channel channel) throws IOException {
      this.channel = channel;
      channel.addReturnListener(this);
      channel.confirmSelect();
    }

    /** The broker returns an unroutable mandatory message before it confirms it, on the same connection thread. */
    @Override
    public void handleReturn(int replyCode, String replyText, String exchange, String routingKey,
        AMQP.BasicProperties properties, byte[] body) {
      returned = replyText + " (" + replyCode + ")";
    }

    void publish(String key, AMQP.BasicProperties properties, byte[] body, String what) throws IOException {
      returned = null;
      answered = false;
      boolean acked;
      try {
        channel.basicPublish(exchange, key, true, properties, body);
        acked = channel.waitForConfirms(confirmTimeout.toMillis());
        answered = true;
      } catch (TimeoutException late) {
        hung = true;
        throw new IOException("RabbitMQ did not confirm " + what + " within " + confirmTimeout, late);
      } catch (InterruptedException interrupted) {
        hung = true;
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted waiting for RabbitMQ to confirm " + what);
      } catch (IOException | ShutdownSignalException failed) {
        throw new IOException(failure(failed) + ", not published " + what + ": " + failed.getMessage(), failed);
      }
      if (!acked) {
        throw new IOException("RabbitMQ rejected (nack) " + what);
      }
      String unroutable = returned;
      if (unroutable != null) {
        throw new IOException("unroutable: RabbitMQ returned " + what + ", no queue bound: " + unroutable);
      }
    }

    void discard() {
      try {
        channel.abort();
      } catch (IOException | ShutdownSignalException alreadyGone) {
        // the channel or its connection is closed already
      }
    }
  }

  /**
   * The client's thread factory: names its threads {@code callpush-rabbitmq-<n>} (followed by the name the client
   * gives a thread, which it sets after creating it) and lets {@link #close()} wait for them.
   */
  private static final class ClientThreads implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();
    private final Set<Thread> created = ConcurrentHashMap.newKeySet();

    /**
     * A thread kept until it has ended: {@link #awaitEnd} joins it even when its task is over, for a thread
     * whose task returned is still alive for a moment (long enough for Tomcat's leak check after an undeploy).
     */
    @Override
    public Thread newThread(Runnable task) {
      String name = "callpush-rabbitmq-" + count.incrementAndGet();
      Thread thread = new Thread(() -> {
        Thread current = Thread.currentThread();
        if (!current.getName().startsWith(name)) {
          current.setName(name + " " + current.getName());
        }
        task.run();
      }, name);
      thread.setDaemon(true);
      created.removeIf(ended -> ended.getState() == Thread.State.TERMINATED);
      created.add(thread);
      return thread;
    }

    void awaitEnd(Duration wait) {
      long deadline = System.nanoTime() + wait.toNanos();
      try {
        for (Thread thread : created) {
          long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
          thread.join(left);
        }
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Builds a {@link RabbitForwarder}. */
  public static final class Builder {

    private final ConnectionFactory factory;
    private String exchange = DEFAULT_EXCHANGE;
    private boolean declareExchange = true;
    private Function<ReceivedPush, String> routingKey = RabbitForwarder::defaultRoutingKey;
    private Duration confirmTimeout = DEFAULT_CONFIRM_TIMEOUT;

    private Builder(ConnectionFactory factory) {
      this.factory = factory;
    }

    /** The exchange to publish to; default {@value RabbitForwarder#DEFAULT_EXCHANGE}. */
    public Builder exchange(String exchange) {
      this.exchange = Objects.requireNonNull(exchange, "exchange");
      return this;
    }

    /** Whether {@link #build()} declares the exchange as a durable topic exchange; default true. */
    public Builder declareExchange(boolean declare) {
      this.declareExchange = declare;
      return this;
    }

    /**
     * The routing key of each push; default its push type ({@code PushEvent.pushType()}), or
     * {@value RabbitForwarder#UNKNOWN_PUSH_TYPE} when it has none.
     */
    public Builder routingKey(Function<ReceivedPush, String> routingKey) {
      this.routingKey = Objects.requireNonNull(routingKey, "routingKey");
      return this;
    }

    /** How long a publish waits for the broker's confirm before it fails; default 5 s. */
    public Builder confirmTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("confirmTimeout must be positive but was " + timeout);
      }
      this.confirmTimeout = timeout;
      return this;
    }

    /**
     * Connects (and declares the exchange unless told not to).
     *
     * @throws IOException when the broker cannot be reached or refuses the connection or the exchange; the
     *     message names the host and port, never the password
     */
    public RabbitForwarder build() throws IOException {
      ClientThreads threads = new ClientThreads();
      factory.setThreadFactory(threads);
      factory.setAutomaticRecoveryEnabled(true);
      factory.setTopologyRecoveryEnabled(false);
      String where = factory.getHost() + ":" + factory.getPort() + " (vhost " + factory.getVirtualHost() + ")";
      Connection connection;
      try {
        connection = factory.newConnection("callpush-forwarder");
      } catch (IOException | TimeoutException unreachable) {
        throw new IOException("RabbitMQ unreachable at " + where + ": " + unreachable.getMessage(), unreachable);
      }
      if (declareExchange) {
        try (Channel channel = connection.createChannel()) {
          channel.exchangeDeclare(exchange, BuiltinExchangeType.TOPIC, true);
        } catch (IOException | TimeoutException | ShutdownSignalException refused) {
          connection.abort();
          threads.awaitEnd(CLOSE_WAIT);
          throw new IOException("RabbitMQ at " + where + " refused the exchange '" + exchange + "': "
              + refused.getMessage(), refused);
        }
      }
      return new RabbitForwarder(this, connection, threads);
    }
  }
}

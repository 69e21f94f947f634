package io.github.callpush.forward.kafka;

import io.github.callpush.ReceivedPush;
import io.github.callpush.RetryLaterException;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.PushHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Forwards each push, as received, to a Kafka topic and returns only once the broker confirmed it: register it
 * with {@code PushReceiver.builder().onReceived("kafka", forwarder)}. The record is {@link KafkaPushes#record}:
 * key the call id, value the body's bytes unchanged, the {@link PushHeaders}. The producer is idempotent with
 * {@code acks=all}, so a confirmed record is on every in-sync replica and the producer's own retries do not
 * duplicate it.
 *
 * <p>{@link #onPush} is {@code producer.send(record).get(deadline)}: when the broker is down, the topic unknown,
 * or no confirm came within the deadline (default 5 s), it throws a {@link RetryLaterException} saying which; the
 * receiver answers 503 with Retry-After and the platform delivers the push again, so nothing is lost. A delivery after a
 * confirmed publish does not publish again: the receiver's per-listener dedup sees the claim completed.
 *
 * <p>Two windows publish an event twice, both copies carrying the same {@link PushHeaders#EVENT_KEY} and key,
 * which {@link io.github.callpush.dedup.OncePerEvent} on the consumer's side deduplicates (see
 * {@link KafkaPushes}): the node dies, or the dedup store fails, after the broker's confirm and before the
 * claim is completed; or the confirm was lost or came after the deadline (the record landed, the push was
 * answered 503, the platform's retry publishes it again).
 *
 * <p>The producer's timeouts follow the deadline unless set in the properties, so that a send does not outlive
 * the push it belongs to by much: {@code max.block.ms} (waiting for metadata or buffer space) and
 * {@code delivery.timeout.ms} (sending and retrying) are the deadline, {@code request.timeout.ms} half of it (a
 * request stuck on a dead connection is sent again within the deadline). A record given up on is thus failed by
 * Kafka about when {@code onPush} gives up, not resent minutes later.
 *
 * <p>{@code linger.ms} is 0 unless set (Kafka's own default is 5 ms since 4.0): every push waits for its
 * confirm, so lingering would add its time to each push at low load. Concurrent pushes still share batches, as
 * records wait while earlier requests are in flight.
 *
 * <p>Kafka starts one thread per producer and names it, not this class: {@code kafka-producer-network-thread |
 * <client.id>}, with the {@code client.id} {@code callpush-forwarder-<topic>-<n>} by default. {@link #close}
 * closes the producer, waiting up to the deadline for sends in flight, and returns once its thread ended.
 * Thread-safe: one forwarder serves every request thread.
 */
public final class KafkaForwarder implements PushForwarder {

  /** How long {@link #onPush} waits for the broker's confirm by default. */
  public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final Producer<byte[], byte[]> producer;
  private final String topic;
  private final Duration deadline;

  KafkaForwarder(Producer<byte[], byte[]> producer, String topic, Duration deadline) {
    this.producer = producer;
    this.topic = topic;
    this.deadline = deadline;
  }

  /** A builder of a forwarder to {@code topic}. */
  public static Builder builder(String topic) {
    return new Builder(topic);
  }

  /** The topic pushes are published to. */
  public String topic() {
    return topic;
  }

  /**
   * Publishes {@code push} and waits for the broker's confirm, at most the deadline.
   *
   * @throws RetryLaterException when Kafka failed the record or did not confirm it within the deadline
   * @throws InterruptedException when interrupted while waiting (the record may still land)
   */
  @Override
  public void onPush(ReceivedPush push) throws RetryLaterException, InterruptedException {
    long start = System.nanoTime();
    Future<RecordMetadata> sent;
    try {
      sent = producer.send(KafkaPushes.record(topic, push));
    } catch (KafkaException refused) {
      throw failed(push, refused);
    }
    long left = deadline.toNanos() - (System.nanoTime() - start);
    try {
      sent.get(Math.max(left, 0), TimeUnit.NANOSECONDS);
    } catch (ExecutionException failure) {
      throw failed(push, failure.getCause());
    } catch (TimeoutException late) {
      throw new RetryLaterException("Kafka did not confirm event " + push.eventKey() + " on topic " + topic + " within "
          + deadline.toMillis() + " ms", late);
    }
  }

  /** Closes the producer, waiting up to the deadline for records in flight, and for its thread to end. */
  @Override
  public void close() {
    producer.close(deadline);
  }

  private RetryLaterException failed(ReceivedPush push, Throwable cause) {
    return new RetryLaterException("Kafka failed event " + push.eventKey() + " on topic " + topic + ": "
        + cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
  }

  /** Builds a {@link KafkaForwarder}: the brokers, the producer's settings, the deadline. */
  public static final class Builder {

    private final String topic;
    private final Properties properties = new Properties();
    private Duration deadline = DEFAULT_DEADLINE;

    private Builder(String topic) {
      this.topic = Objects.requireNonNull(topic, "topic");
      if (topic.isBlank()) {
        throw new IllegalArgumentException("topic must not be blank");
      }
    }

    /** The brokers to bootstrap from, {@code host:port[,host:port...]} ({@code bootstrap.servers}). */
    public Builder bootstrapServers(String servers) {
      return property(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(servers, "servers"));
    }

    /**
     * A producer setting (security, compression, linger...). The serializers, {@code acks} and
     * {@code enable.idempotence} are the forwarder's: setting another value fails {@link #build}.
     */
    public Builder property(String name, Object value) {
      properties.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Producer settings, as {@link #property} each; e.g. a ready {@code Properties} with the brokers. */
    public Builder properties(Map<?, ?> settings) {
      settings.forEach((name, value) -> property(String.valueOf(name), value));
      return this;
    }

    /** How long {@link KafkaForwarder#onPush} waits for the confirm; the timeouts follow it; default 5 s. */
    public Builder deadline(Duration deadline) {
      Objects.requireNonNull(deadline, "deadline");
      if (deadline.toMillis() < 1) {
        throw new IllegalArgumentException("deadline must be at least 1 ms but was " + deadline);
      }
      this.deadline = deadline;
      return this;
    }

    /**
     * The forwarder, its producer connected lazily (a broker down now fails pushes, not this).
     *
     * @throws IllegalArgumentException when no brokers were given or a forwarder's setting was overridden
     * @throws KafkaException when Kafka rejects the settings
     */
    public KafkaForwarder build() {
      return new KafkaForwarder(new KafkaProducer<>(producerProperties()), topic, deadline);
    }

    Properties producerProperties() {
      if (!properties.containsKey(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG)) {
        throw new IllegalArgumentException("no " + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG + ": set bootstrapServers");
      }
      Properties settings = new Properties();
      settings.putAll(properties);
      own(settings, ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      own(settings, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
      own(settings, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      if ("-1".equals(String.valueOf(settings.get(ProducerConfig.ACKS_CONFIG)))) {
        settings.remove(ProducerConfig.ACKS_CONFIG);
      }
      own(settings, ProducerConfig.ACKS_CONFIG, "all");
      long millis = deadline.toMillis();
      settings.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, Long.toString(millis));
      settings.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Long.toString(millis));
      settings.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(Math.max(millis / 2, 1)));
      settings.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "0");
      settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG,
          "callpush-forwarder-" + topic + "-" + CLIENTS.incrementAndGet());
      return settings;
    }

    private static void own(Properties settings, String name, String value) {
      Object given = settings.get(name);
      String text = given instanceof Class<?> type ? type.getName() : given == null ? null : given.toString();
      if (text != null && !text.equalsIgnoreCase(value)) {
        throw new IllegalArgumentException(name + " is the forwarder's (" + value + ") but was set to " + text);
      }
      settings.put(name, value);
    }
  }
}

package io.github.callpush.forward.kafka;

import io.github.callpush.ReceivedPush;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.forward.PushHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A push as a Kafka record and back: the record {@link KafkaForwarder} publishes, and a consumed record turned
 * into the {@link ReceivedPush} it came from, its event decoded by the same decoder as the receiver's.
 *
 * <p>To run a consumer's handler once per event, whoever redelivers it (a rebalance, a restart before the
 * commit, the forwarder's documented duplicate), key {@link io.github.callpush.dedup.OncePerEvent} by the event
 * key, commit a record's offset once it ran or had run, and seek back to a record another consumer still holds
 * (or whose handler threw), so that it is polled again later. With {@code enable.auto.commit=false}:
 *
 * <pre>{@code
 * OncePerEvent once = OncePerEvent.builder(store).build();
 * ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofSeconds(1));
 * for (TopicPartition partition : records.partitions()) {
 *   for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
 *     ReceivedPush push = KafkaPushes.received(record);
 *     if (once.run(push.eventKey(), "billing", () -> billing.charge(push.event())) == Result.IN_FLIGHT) {
 *       consumer.seek(partition, record.offset()); // another consumer runs it now: poll it again later
 *       break;                                     // and the rest of this partition after it, in order
 *     }
 *     consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1))); // RAN, DONE_BEFORE
 *   }
 * }
 * }</pre>
 *
 * A handler that throws has its claim released: seek back to its record as for {@code IN_FLIGHT}.
 */
public final class KafkaPushes {

  private KafkaPushes() {
  }

  /**
   * The record the forwarder publishes for {@code push}: key the call id (UTF-8), else the event key, so that
   * one call's events stay in order in one partition; value the body as received; the {@link PushHeaders}.
   */
  public static ProducerRecord<byte[], byte[]> record(String topic, ReceivedPush push) {
    Objects.requireNonNull(topic, "topic");
    String callId = push.event().callId();
    Headers headers = new RecordHeaders();
    PushHeaders.of(push).forEach((name, value) -> headers.add(name, utf8(value)));
    return new ProducerRecord<>(topic, null, utf8(callId != null ? callId : push.eventKey()), push.body(), headers);
  }

  /** The push a forwarded record carries, decoded with {@link PushDecoder#defaults()}. */
  public static ReceivedPush received(ConsumerRecord<byte[], byte[]> record) {
    return received(record, PushDecoder.defaults());
  }

  /**
   * The push a forwarded record carries, decoded with {@code decoder} (e.g. the receiver's zone).
   *
   * @throws IllegalArgumentException when the record was not published by the forwarder (its event key or
   *     received-at header missing or malformed, or no value)
   * @throws io.github.callpush.decode.PushDecodingException when the body cannot be decoded
   */
  public static ReceivedPush received(ConsumerRecord<byte[], byte[]> record, PushDecoder decoder) {
    Objects.requireNonNull(decoder, "decoder");
    String eventKey = required(record, PushHeaders.EVENT_KEY);
    String receivedAtText = required(record, PushHeaders.RECEIVED_AT);
    Instant receivedAt;
    try {
      receivedAt = Instant.parse(receivedAtText);
    } catch (DateTimeParseException malformed) {
      throw new IllegalArgumentException(where(record) + " has a malformed " + PushHeaders.RECEIVED_AT + " header: "
          + receivedAtText, malformed);
    }
    if (record.value() == null) {
      throw new IllegalArgumentException(where(record) + " has no value");
    }
    String contentType = header(record.headers(), PushHeaders.CONTENT_TYPE);
    return new ReceivedPush(decoder.decode(record.value(), contentType, receivedAt), eventKey, record.value(),
        contentType, receivedAt);
  }

  private static String required(ConsumerRecord<byte[], byte[]> record, String name) {
    String value = header(record.headers(), name);
    if (value == null) {
      throw new IllegalArgumentException(where(record) + " has no " + name + " header: not a forwarded push");
    }
    return value;
  }

  private static String header(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String where(ConsumerRecord<?, ?> record) {
    return "record " + record.topic() + "-" + record.partition() + "@" + record.offset();
  }
}

package io.github.callpush.forward.rabbitmq;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Delivery;
import io.github.callpush.ReceivedPush;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.forward.PushHeaders;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;

/**
 * The consumer's side: a message the {@link RabbitForwarder} published back to the {@link ReceivedPush}, its event
 * decoded by the same {@link PushDecoder} as the receiver's. To run a handler once per event whoever redelivers
 * it (the forwarder's documented duplicate, a redelivery after a lost ack, several consumers), key
 * {@code OncePerEvent} by the event key, with manual acks:
 *
 * <pre>{@code
 * OncePerEvent once = OncePerEvent.builder(store).build(); // the receivers' shared DedupStore, or any
 * channel.basicConsume(queue, false, (consumerTag, delivery) -> {
 *   long tag = delivery.getEnvelope().getDeliveryTag();
 *   ReceivedPush push = RabbitPushes.received(delivery);
 *   try {
 *     switch (once.run(push.eventKey(), "billing", () -> billing.charge(push.event()))) {
 *       case RAN, DONE_BEFORE -> channel.basicAck(tag, false);
 *       case IN_FLIGHT -> channel.basicNack(tag, false, true); // another consumer runs it now: see it again
 *     }
 *   } catch (Exception failed) {
 *     channel.basicNack(tag, false, true); // the handler failed, its claim released: deliver it again
 *   }
 * }, consumerTag -> { });
 * }</pre>
 *
 * <p>A message redelivered after the handler ran (its ack lost, the consumer gone before acking) is
 * {@code DONE_BEFORE}: acked without running the handler again.
 */
public final class RabbitPushes {

  private RabbitPushes() {}

  /** The push a consumed delivery carries, decoded with {@link PushDecoder#defaults()}. */
  public static ReceivedPush received(Delivery delivery) {
    return received(delivery.getProperties(), delivery.getBody());
  }

  /** The push a message with these properties and body carries, decoded with {@link PushDecoder#defaults()}. */
  public static ReceivedPush received(AMQP.BasicProperties properties, byte[] body) {
    return received(properties, body, PushDecoder.defaults());
  }

  /**
   * The push a message with these properties and body carries: the event key from the
   * {@link PushHeaders#EVENT_KEY} header (else the message id), the time from {@link PushHeaders#RECEIVED_AT}
   * (else the timestamp), the content type from the message's (else {@link PushHeaders#CONTENT_TYPE}), and the
   * event decoded from the body with {@code decoder}, as the receiver decoded it.
   *
   * @throws IllegalArgumentException when the message has no event key or time: not one the forwarder published
   * @throws io.github.callpush.decode.PushDecodingException when the body is not an event
   */
  public static ReceivedPush received(AMQP.BasicProperties properties, byte[] body, PushDecoder decoder) {
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(decoder, "decoder");
    Map<String, Object> headers = properties.getHeaders() == null ? Map.of() : properties.getHeaders();
    String eventKey = firstPresent(header(headers, PushHeaders.EVENT_KEY), properties.getMessageId());
    if (eventKey == null) {
      throw new IllegalArgumentException("not a forwarded push: no " + PushHeaders.EVENT_KEY
          + " header and no message id");
    }
    Instant receivedAt = receivedAt(header(headers, PushHeaders.RECEIVED_AT), properties);
    String contentType = firstPresent(properties.getContentType(), header(headers, PushHeaders.CONTENT_TYPE));
    return new ReceivedPush(decoder.decode(body, contentType, receivedAt), eventKey, body, contentType, receivedAt);
  }

  private static Instant receivedAt(String header, AMQP.BasicProperties properties) {
    if (header != null) {
      try {
        return Instant.parse(header);
      } catch (DateTimeParseException malformed) {
        throw new IllegalArgumentException("malformed " + PushHeaders.RECEIVED_AT + " header: " + header, malformed);
      }
    }
    if (properties.getTimestamp() != null) {
      return properties.getTimestamp().toInstant();
    }
    throw new IllegalArgumentException("not a forwarded push: no " + PushHeaders.RECEIVED_AT
        + " header and no timestamp");
  }

  private static String header(Map<String, Object> headers, String name) {
    Object value = headers.get(name);
    return value == null ? null : value.toString();
  }

  private static String firstPresent(String first, String second) {
    return first != null && !first.isEmpty() ? first : second != null && !second.isEmpty() ? second : null;
  }
}

package io.github.callpush.forward.rabbitmq;

/**
 * The message headers the forwarder sets on each push, the same names as the Kafka forwarder's; a header whose
 * value is absent is left out. Values are strings.
 */
public final class PushHeaders {

  /** The key the receiver deduplicated the event by ({@code ReceivedPush.eventKey()}); also the message id. */
  public static final String EVENT_KEY = "callpush-event-key";
  /** The push's {@code pushType}; also the default routing key. */
  public static final String PUSH_TYPE = "callpush-push-type";
  /** The account the push belongs to. */
  public static final String ACCOUNT_ID = "callpush-account-id";
  /** The call the push is about. */
  public static final String CALL_ID = "callpush-call-id";
  /** When the receiver got the push, ISO-8601 ({@code 2026-12-05T08:00:00.123Z}). */
  public static final String RECEIVED_AT = "callpush-received-at";
  /** The body's content type as received; also the message's {@code content-type}. */
  public static final String CONTENT_TYPE = "callpush-content-type";

  private PushHeaders() {}
}

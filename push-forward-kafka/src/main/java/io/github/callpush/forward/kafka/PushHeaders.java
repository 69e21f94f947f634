package io.github.callpush.forward.kafka;

/**
 * The names of the record headers the forwarder sets (UTF-8 values; a header whose value is absent is left out).
 * The RabbitMQ forwarder uses the same names.
 */
public final class PushHeaders {

  /** The key the receiver deduplicates the event by: the same for every copy of one event. */
  public static final String EVENT_KEY = "callpush-event-key";
  /** The push's {@code pushType}. */
  public static final String PUSH_TYPE = "callpush-push-type";
  /** The account the push belongs to. */
  public static final String ACCOUNT_ID = "callpush-account-id";
  /** The call the event belongs to; absent for agent-only events. */
  public static final String CALL_ID = "callpush-call-id";
  /** When the receiver got the push, ISO-8601 ({@code 2021-05-08T06:39:32.123Z}). */
  public static final String RECEIVED_AT = "callpush-received-at";
  /** The body's content type as received; absent when none was sent. */
  public static final String CONTENT_TYPE = "callpush-content-type";

  private PushHeaders() {
  }
}

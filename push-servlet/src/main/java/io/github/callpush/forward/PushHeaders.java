package io.github.callpush.forward;

/**
 * The headers a forwarder sets on each message it publishes, the same in every broker; a header whose value is
 * absent is left out. Values are strings.
 */
public final class PushHeaders {

  /** The key the receiver deduplicated the event by ({@code ReceivedPush.eventKey()}). */
  public static final String EVENT_KEY = "callpush-event-key";
  /** The push's {@code pushType}. */
  public static final String PUSH_TYPE = "callpush-push-type";
  /** The account the push belongs to. */
  public static final String ACCOUNT_ID = "callpush-account-id";
  /** The call the push is about. */
  public static final String CALL_ID = "callpush-call-id";
  /** When the receiver got the push, ISO-8601 ({@code 2026-12-05T08:00:00.123Z}). */
  public static final String RECEIVED_AT = "callpush-received-at";
  /** The body's content type as received. */
  public static final String CONTENT_TYPE = "callpush-content-type";

  private PushHeaders() {}
}

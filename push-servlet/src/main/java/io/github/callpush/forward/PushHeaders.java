package io.github.callpush.forward;

import io.github.callpush.ReceivedPush;
import io.github.callpush.event.PushEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /** The headers of {@code push}, in the order above, those without a value (null or empty) left out. */
  public static Map<String, String> of(ReceivedPush push) {
    PushEvent event = push.event();
    Map<String, String> headers = new LinkedHashMap<>();
    putPresent(headers, EVENT_KEY, push.eventKey());
    putPresent(headers, PUSH_TYPE, event.pushType());
    putPresent(headers, ACCOUNT_ID, event.accountId());
    putPresent(headers, CALL_ID, event.callId());
    putPresent(headers, RECEIVED_AT, push.receivedAt().toString());
    putPresent(headers, CONTENT_TYPE, push.contentType());
    return Collections.unmodifiableMap(headers);
  }

  private static void putPresent(Map<String, String> headers, String name, String value) {
    if (value != null && !value.isEmpty()) {
      headers.put(name, value);
    }
  }
}

package io.github.callpush.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;

/**
 * One push of the call-center platform, decoded into a typed event.
 *
 * <p>Subscribe to one concrete type, or switch over this sealed hierarchy:
 * <pre>{@code
 * switch (event) {
 *   case OutboundRing ring -> popUp(ring.call().customerNumber());
 *   case CallRecord cdr -> save(cdr);
 *   default -> { }
 * }
 * }</pre>
 *
 * <p>Absent values (missing, {@code null} or {@code ""}) are {@code null}; lists and maps are never
 * {@code null}. Whatever the platform sent, typed or not, stays readable through {@link #raw()}.
 */
public sealed interface PushEvent
    permits CallStateEvent, CallRecord, MediaFailReason, AgentLogin, AgentLogout, WebcallResult, UnknownEvent {

  /** The fields every push carries. */
  EventHeader header();

  /** The {@code pushType} as sent, or the canonical name of the classified type when it was missing. */
  default String pushType() {
    return header().pushType();
  }

  /** The platform's event id ({@code eventUniqueId}, else the wrapper's {@code uniqueId}); may be null. */
  default String eventId() {
    return header().eventId();
  }

  /** The account ({@code accountId}) the push belongs to. */
  default String accountId() {
    return header().accountId();
  }

  /**
   * The call this event belongs to, the same for every event of one call: {@code callUniqueId}, else
   * {@code superUniqueId}, else the older push's {@code CallSheetID}; null for agent-only events.
   */
  default String callId() {
    return header().callId();
  }

  /** When the state began ({@code statusTime}); null when absent. */
  default Instant statusTime() {
    return header().statusTime();
  }

  /** When the event happened, to order events by; never null (see {@link EventHeader#time()}). */
  default Instant time() {
    return header().time();
  }

  /** The custom parameters ({@code extras}) passed when the call was placed; empty when absent. */
  default Map<String, Object> extras() {
    return header().extras();
  }

  /**
   * The whole body as received, wrapper included; for the older call-event push and the webcall callback,
   * an object of every parameter as sent (name to value, an array for a repeated one), the verifier's
   * credentials left out. Treat it as read-only. A JSON body is parsed into this tree when it is first asked
   * for, not before: a listener that never calls {@code raw()} costs no tree.
   */
  default JsonNode raw() {
    return header().raw();
  }
}

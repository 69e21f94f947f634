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
    permits CallStateEvent, CallRecord, MediaFailReason, AgentLogin, AgentLogout, UnknownEvent {

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

  /** The call ({@code callUniqueId}) this event belongs to; null for agent-only events. */
  default String callId() {
    return header().callId();
  }

  /** When the state began ({@code statusTime}); null when absent. */
  default Instant statusTime() {
    return header().statusTime();
  }

  /** The custom parameters ({@code extras}) passed when the call was placed; empty when absent. */
  default Map<String, Object> extras() {
    return header().extras();
  }

  /** The whole body as received, wrapper included. Treat it as read-only. */
  default JsonNode raw() {
    return header().raw();
  }
}

package io.github.callpush.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields every push carries.
 *
 * @param pushType the {@code pushType} as sent, or the canonical name of the classified type
 * @param eventId {@code eventUniqueId}, else the wrapper's {@code uniqueId}; null when neither was sent
 * @param accountId {@code accountId}
 * @param callId the call the event belongs to: {@code callUniqueId}, else {@code superUniqueId} (the spec's
 *     {@code link} example carries only that), else the older push's {@code CallSheetID}; null for agent-only events
 * @param statusTime {@code statusTime} as sent (for the older call-event push, the time of its {@code CallState})
 * @param time when the event happened, to order events by: {@code statusTime}; for a call record its
 *     {@code createTime} (else {@code saveTime}, {@code endTime}); for a push that carries no time of its own
 *     ({@code mediaFailreason}, the webcall callback), when it was received. Never null
 * @param extras {@code extras}, decoded from an object or a JSON string; empty when absent
 * @param raw the whole body as received
 */
public record EventHeader(
    String pushType,
    String eventId,
    String accountId,
    String callId,
    Instant statusTime,
    Instant time,
    Map<String, Object> extras,
    JsonNode raw) {

  /** Checks that {@code time}, {@code extras} and the raw body are present and makes {@code extras} read-only, order kept. */
  public EventHeader {
    Objects.requireNonNull(time, "time");
    extras = Objects.requireNonNull(extras, "extras").isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(extras));
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * The type, ids and time, and the names of the extras without their values; not the raw body, so that
   * every event prints in a line: {@code EventHeader[pushType=dialoutRing, eventId=..., extras=[orderId]]}.
   */
  @Override
  public String toString() {
    return "EventHeader[pushType=" + pushType + ", eventId=" + eventId + ", accountId=" + accountId + ", callId="
        + callId + ", time=" + time + ", extras=" + extras.keySet() + "]";
  }
}

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
 * @param callId {@code callUniqueId}
 * @param statusTime {@code statusTime}
 * @param extras {@code extras}, decoded from an object or a JSON string; empty when absent
 * @param raw the whole body as received
 */
public record EventHeader(
    String pushType,
    String eventId,
    String accountId,
    String callId,
    Instant statusTime,
    Map<String, Object> extras,
    JsonNode raw) {

  /** Checks that {@code extras} and the raw body are present and makes {@code extras} read-only, order kept. */
  public EventHeader {
    extras = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(extras, "extras")));
    Objects.requireNonNull(raw, "raw");
  }
}

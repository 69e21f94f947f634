package io.github.callpush.decode;

import io.github.callpush.event.CallPhase;
import io.github.callpush.event.CallType;
import io.github.callpush.event.Code;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Which event a payload is: by {@code pushType} when sent, else by its shape (see the README's table). */
enum EventType {
  OUTBOUND_RING("dialoutRing"),
  OUTBOUND_HANGUP("dialoutHangup"),
  INCOMING_RING("incomingRing"),
  INCOMING_HANGUP("incomingHangup"),
  CALL_RECORD("cdr"),
  CUSTOMER_ANSWERED("link"),
  AGENT_STATUS("callStatus"),
  MEDIA_FAIL_REASON("mediaFailreason"),
  LOGIN("login"),
  LOGOUT("logout"),
  UNKNOWN(null);

  private static final Map<String, EventType> BY_PUSH_TYPE = Stream.of(values())
      .filter(type -> type.pushType != null)
      .collect(Collectors.toUnmodifiableMap(type -> type.pushType.toLowerCase(Locale.ROOT), Function.identity()));

  /** The canonical {@code pushType}, used when a payload arrives without one. */
  final String pushType;

  EventType(String pushType) {
    this.pushType = pushType;
  }

  static EventType classify(String sentPushType, PayloadFields fields) {
    if (sentPushType != null) {
      return BY_PUSH_TYPE.getOrDefault(sentPushType.toLowerCase(Locale.ROOT), UNKNOWN);
    }
    if (fields.has("statusNumber")) {
      return AGENT_STATUS;
    }
    if (fields.has("preMediaFailureReason") || fields.has("preMediaCode")) {
      return MEDIA_FAIL_REASON;
    }
    if (fields.has("cdrType") || fields.has("billCalls") || fields.has("hangUpSide")) {
      return CALL_RECORD;
    }
    Code<CallPhase> phase = fields.code("callEvent", CallPhase.class);
    if (phase != null) {
      return byPhase(phase.value(), fields.code("callType", CallType.class));
    }
    if (fields.has("logoutType")) {
      return LOGOUT;
    }
    return fields.has("loginType") ? LOGIN : UNKNOWN;
  }

  private static EventType byPhase(CallPhase phase, Code<CallType> callType) {
    if (phase == CallPhase.LINK) {
      return CUSTOMER_ANSWERED;
    }
    if (callType == null || callType.isOther() || (phase != CallPhase.RING && phase != CallPhase.HANGUP)) {
      return UNKNOWN;
    }
    boolean incoming = callType.is(CallType.INCOMING);
    if (phase == CallPhase.RING) {
      return incoming ? INCOMING_RING : OUTBOUND_RING;
    }
    return incoming ? INCOMING_HANGUP : OUTBOUND_HANGUP;
  }
}

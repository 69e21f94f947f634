package io.github.callpush.event;

/**
 * An event about the state of a call: ring, answer, hangup, or an agent status that a call changed; from the
 * JSON events or from the older call-event push ({@link CallSheetEvent}).
 */
public sealed interface CallStateEvent extends PushEvent
    permits OutboundRing, OutboundHangup, IncomingRing, IncomingHangup, CustomerAnswered, AgentStatusChanged,
        CallSheetEvent {

  /** The state of the call when the event happened. */
  CallState call();
}

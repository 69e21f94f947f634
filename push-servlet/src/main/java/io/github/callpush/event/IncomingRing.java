package io.github.callpush.event;

/**
 * An agent's phone rings for an incoming call (callpush's `incomingRing`; the platform may send it without `pushType`).
 *
 * @param header the fields every push carries
 * @param call the state of the call
 */
public record IncomingRing(EventHeader header, CallState call) implements CallStateEvent {}

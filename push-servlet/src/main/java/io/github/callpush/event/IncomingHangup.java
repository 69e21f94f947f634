package io.github.callpush.event;

/**
 * An incoming call ended (callpush's `incomingHangup`; the platform sends it without `pushType`).
 *
 * @param header the fields every push carries
 * @param call the state of the call
 */
public record IncomingHangup(EventHeader header, CallState call) implements CallStateEvent {}

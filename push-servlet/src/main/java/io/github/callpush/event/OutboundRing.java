package io.github.callpush.event;

/**
 * The agent's phone rings for an outbound call (`dialoutRing`), the moment to pop up the customer's record.
 *
 * @param header the fields every push carries
 * @param call the state of the call
 */
public record OutboundRing(EventHeader header, CallState call) implements CallStateEvent {}

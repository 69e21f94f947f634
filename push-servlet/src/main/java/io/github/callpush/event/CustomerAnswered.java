package io.github.callpush.event;

/**
 * The customer answered (`link`; sent wrapped as `{"content":{...},"uniqueId":...}`).
 *
 * @param header the fields every push carries
 * @param call the state of the call
 */
public record CustomerAnswered(EventHeader header, CallState call) implements CallStateEvent {}

package io.github.callpush.event;

/**
 * A phone rings, from the older call-event push: {@code CallState=Ring} (the call reached the platform) or
 * {@code Ringing} (the callee's phone rings: the agent's on an incoming call, the customer's on an outbound
 * one); {@code sheet().callState()} tells which. Its canonical push type is {@code callSheetRing}.
 *
 * @param header the fields every push carries
 * @param call the state of the call, as the JSON call events give it
 * @param sheet every field of the push
 */
public record CallSheetRing(EventHeader header, CallState call, CallSheet sheet) implements CallSheetEvent {}

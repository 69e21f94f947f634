package io.github.callpush.event;

/**
 * A call leg ended ({@code CallState=Hangup}, or {@code Unlink}, which integrations handle as a hangup; or a
 * push without {@code CallState} that carries the call's {@code End}), from the older call-event push. It
 * carries the call's outcome ({@code State}), its times and its recording. Its canonical push type is
 * {@code callSheetHangup}.
 *
 * @param header the fields every push carries
 * @param call the state of the call, as the JSON call events give it
 * @param sheet every field of the push
 */
public record CallSheetHangup(EventHeader header, CallState call, CallSheet sheet) implements CallSheetEvent {}

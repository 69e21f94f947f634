package io.github.callpush.event;

/**
 * The call is connected ({@code CallState=Link}), from the older call-event push. Its canonical push type is
 * {@code callSheetLink}.
 *
 * @param header the fields every push carries
 * @param call the state of the call, as the JSON call events give it
 * @param sheet every field of the push
 */
public record CallSheetLink(EventHeader header, CallState call, CallSheet sheet) implements CallSheetEvent {}

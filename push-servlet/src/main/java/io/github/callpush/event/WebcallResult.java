package io.github.callpush.event;

/**
 * The callback of a call placed through the webcall API: the {@code actionid} the call was placed with and
 * how it ended ({@code Message}). Its canonical push type is {@code webcallResult}; its {@link #eventId()} is
 * {@code webcall:ACTIONID:MESSAGE}; the receiver answers it with an empty 200.
 *
 * @param header the fields every push carries; {@code time} is when it was received
 * @param actionId the {@code actionid} the call was placed with
 * @param outcome how the call ended ({@code Message})
 */
public record WebcallResult(EventHeader header, String actionId, Code<WebcallOutcome> outcome) implements PushEvent {}

package io.github.callpush.event;

/**
 * A push callpush has no type for. It is still delivered to catch-all and push-type listeners and
 * acknowledged; read its fields through {@link #raw()}.
 *
 * @param header the fields every push carries; {@code pushType} is null when none was sent
 */
public record UnknownEvent(EventHeader header) implements PushEvent {}

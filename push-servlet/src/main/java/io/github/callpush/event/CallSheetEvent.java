package io.github.callpush.event;

/**
 * A push of the platform's older call-event interface: an HTTP GET (or form POST) with PascalCase
 * parameters ({@code CallSheetID}, {@code CallState}, {@code CallNo}, ...), one per state of a call leg.
 * Its {@link #call()} is the same view the JSON call events give, so a listener of {@link CallStateEvent}
 * sees both; {@link #sheet()} has every field of the push.
 *
 * <p>Its {@link #eventId()} is made of {@code CallSheetID}, {@code CallID} and {@code CallState} as sent
 * ({@code callsheet:ID:LEG:STATE}), which is what the receiver deduplicates on; {@link #callId()} is the
 * {@code CallSheetID}; {@link #extras()} holds the custom variables of {@code CdrVar}. The receiver answers
 * it with an empty 200, as integrations of this push do.
 */
public sealed interface CallSheetEvent extends CallStateEvent permits CallSheetRing, CallSheetLink, CallSheetHangup {

  /** Every field of the push, typed. */
  CallSheet sheet();
}

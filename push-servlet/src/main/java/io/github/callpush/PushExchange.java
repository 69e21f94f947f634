package io.github.callpush;

import io.github.callpush.event.PushEvent;
import java.time.Instant;
import java.util.Arrays;

/**
 * One request and how it was answered, as {@linkplain PushObserver observers} see it.
 *
 * @param request the request as received; its body may stop at the size limit or where reading failed
 * @param receivedAt when it arrived, by the receiver's clock
 * @param event the decoded event, or null when the request was rejected before (or was a URL check)
 * @param eventKey the event's dedup key, or null without an event
 * @param outcome how it was answered
 * @param response the answer
 * @param listenersRun how many listeners this delivery ran
 * @param nanos the time from the body's arrival to the answer, in nanoseconds
 */
public record PushExchange(PushRequest request, Instant receivedAt, PushEvent event, String eventKey,
    Outcome outcome, PushResponse response, int listenersRun, long nanos) {

  /** The rejected push with its raw bytes, or null when it was not rejected. */
  public DeadLetter deadLetter() {
    if (!(outcome instanceof Rejection rejection)) {
      return null;
    }
    byte[] body = request.body();
    boolean truncated = rejection instanceof Rejection.Unreadable;
    if (rejection instanceof Rejection.TooLarge tooLarge) {
      truncated = true;
      body = Arrays.copyOf(body, Math.min(body.length, tooLarge.limit()));
    }
    return new DeadLetter(body, truncated, rejection.status(), rejection.reason(), request.contentType(),
        request.remoteAddress(), receivedAt);
  }
}

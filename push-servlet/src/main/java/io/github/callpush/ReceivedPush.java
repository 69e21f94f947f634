package io.github.callpush;

import io.github.callpush.event.PushEvent;
import java.time.Instant;
import java.util.Objects;

/**
 * A push as the receiver took it in, for a listener that hands it on as it came (to a message broker): the
 * decoded event, its dedup key, the body's bytes and content type as received, and when it arrived. For the
 * older GET push, the body is its parameters as a form ({@code application/x-www-form-urlencoded}), the
 * verifier's credentials left out; {@code PushDecoder.decode(body, contentType, receivedAt)} turns any of them
 * back into the same event.
 *
 * @param event the decoded event
 * @param eventKey the key the receiver deduplicates the event by: the same for every delivery of it
 * @param body the body as received; the array is shared, do not modify it
 * @param contentType the body's content type as received, or null when none was sent
 * @param receivedAt when the receiver got it, by its clock
 */
public record ReceivedPush(PushEvent event, String eventKey, byte[] body, String contentType, Instant receivedAt) {

  /** Checks that everything but the content type is present. */
  public ReceivedPush {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(eventKey, "eventKey");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** The event, its key, the body's length and content type; not the bytes. */
  @Override
  public String toString() {
    return "ReceivedPush[event=" + event + ", eventKey=" + eventKey + ", bodyBytes=" + body.length
        + ", contentType=" + contentType + ", receivedAt=" + receivedAt + "]";
  }
}

package io.github.callpush;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * The receiver's answer to one push.
 *
 * @param status the HTTP status
 * @param headers extra headers, e.g. {@code Retry-After} or {@code Allow}
 * @param contentType the body's media type; null when the body is empty
 * @param body the body
 */
public record PushResponse(int status, Map<String, String> headers, String contentType, byte[] body) {

  /** Makes the headers read-only. */
  public PushResponse {
    headers = Map.copyOf(headers);
    Objects.requireNonNull(body, "body");
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }
}

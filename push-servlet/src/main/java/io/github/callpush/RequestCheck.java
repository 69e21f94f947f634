package io.github.callpush;

import io.github.callpush.verify.PushVerifier;
import io.github.callpush.verify.Verification;
import java.util.Optional;

/**
 * The first stage: refuses a push sent with the wrong method,
 * over the size limit or not verified, before anything reads its body as an event.
 */
final class RequestCheck {

  private final PushVerifier verifier;
  private final int maxBodyBytes;

  RequestCheck(ReceiverSettings settings) {
    this.verifier = settings.verifier();
    this.maxBodyBytes = settings.maxBodyBytes();
  }

  /** Whether the request is the platform checking the URL (a HEAD, or a GET carrying no push), not a push. */
  static boolean isUrlCheck(PushRequest request) {
    return "HEAD".equals(request.method()) || "GET".equals(request.method()) && !GetPush.isPush(request);
  }

  /**
   * The rejection of a push sent with the wrong method (a push is a POST, or a GET carrying the older push:
   * any other GET is a {@link #isUrlCheck URL check}, answered before), over the limit or not verified; empty
   * for one to decode.
   */
  Optional<Rejection> refusal(PushRequest request) {
    String method = request.method();
    if (!"POST".equals(method) && !"GET".equals(method)) {
      return Optional.of(new Rejection.MethodNotAllowed(method));
    }
    if (request.body().length > maxBodyBytes) {
      return Optional.of(new Rejection.TooLarge(maxBodyBytes));
    }
    if (verifier == null) {
      return Optional.empty();
    }
    Verification verdict = verifier.verify(request);
    if (verdict.isAccepted()) {
      return Optional.empty();
    }
    return Optional.of(verdict.status() == 403 ? new Rejection.Forbidden(verdict.reason())
        : new Rejection.Unauthorized(verdict.reason(), verdict.challenge()));
  }
}

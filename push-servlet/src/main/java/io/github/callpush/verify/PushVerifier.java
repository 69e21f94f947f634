package io.github.callpush.verify;

import io.github.callpush.PushRequest;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether a request really comes from the platform, before anything is decoded or claimed.
 * Implementations work on the raw bytes and headers, compare secrets in constant time, and are
 * thread-safe: the receiver calls them concurrently from request threads.
 */
@FunctionalInterface
public interface PushVerifier {

  /** The verdict on one request; never null. */
  Verification verify(PushRequest request);

  /**
   * The query parameters this verifier reads a secret from. The receiver leaves them out of a GET push's
   * fields, so that they reach no {@code raw()}, log or dead letter, and masks them in the requests observers
   * see. A verifier that reads a secret from the query must name it here; the default names none.
   */
  default Set<String> credentialParameters() {
    return Set.of();
  }

  /**
   * The headers this verifier reads a secret from (e.g. {@code Authorization}); the receiver masks them in the
   * requests observers see. The default names none.
   */
  default Set<String> credentialHeaders() {
    return Set.of();
  }

  /**
   * A verifier that accepts a request only when every given verifier does; the first refusal wins.
   *
   * @throws IllegalArgumentException when no verifier is given: that would accept everything
   */
  static PushVerifier allOf(PushVerifier... verifiers) {
    if (verifiers.length == 0) {
      throw new IllegalArgumentException("allOf needs at least one verifier; none would accept every request");
    }
    PushVerifier[] copy = verifiers.clone();
    for (PushVerifier verifier : copy) {
      Objects.requireNonNull(verifier, "verifier");
    }
    return copy.length == 1 ? copy[0] : new AllOf(List.of(copy));
  }
}

package io.github.callpush.verify;

import java.util.Objects;

/**
 * A verifier's verdict: accepted, or refused with the HTTP status to answer (401 for missing or bad
 * credentials, 403 for an address that is not allowed) and a short reason safe to send back.
 *
 * @param status 200 when accepted, else 401 or 403
 * @param reason why the request was refused; empty when accepted
 * @param challenge the {@code WWW-Authenticate} value sent with a 401 (e.g. {@code Basic realm="callpush"}),
 *     or null when the scheme has no standard challenge
 */
public record Verification(int status, String reason, String challenge) {

  private static final Verification ACCEPTED = new Verification(200, "", null);

  /** Checks the status is one a verifier may give. */
  public Verification {
    if (status != 200 && status != 401 && status != 403) {
      throw new IllegalArgumentException("status must be 200, 401 or 403 but was " + status);
    }
    Objects.requireNonNull(reason, "reason");
    if (challenge != null && status != 401) {
      throw new IllegalArgumentException("only a 401 carries a challenge");
    }
  }

  /** The request comes from the platform. */
  public static Verification ok() {
    return ACCEPTED;
  }

  /** Credentials are missing or wrong (401). */
  public static Verification unauthorized(String reason) {
    return new Verification(401, reason, null);
  }

  /** Credentials are missing or wrong (401); {@code challenge} tells the client the scheme expected. */
  public static Verification unauthorized(String reason, String challenge) {
    return new Verification(401, reason, Objects.requireNonNull(challenge, "challenge"));
  }

  /** The request comes from an address that is not allowed (403). */
  public static Verification forbidden(String reason) {
    return new Verification(403, reason, null);
  }

  /** Whether the request was accepted. */
  public boolean isAccepted() {
    return status == 200;
  }
}

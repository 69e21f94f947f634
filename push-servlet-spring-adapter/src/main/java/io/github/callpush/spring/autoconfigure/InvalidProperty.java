package io.github.callpush.spring.autoconfigure;

import io.github.callpush.EndpointSettings;
import java.time.DateTimeException;

/**
 * A {@code callpush.*} setting that stops the application from starting: names the property, why, and
 * what to do ({@link CallpushFailureAnalyzer} shows both); a secret's value is never part of it.
 */
final class InvalidProperty extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The explicit opt-out of verification. */
  static final String ALLOW_UNVERIFIED = "callpush.verification.allow-unverified";

  /** Shown instead of the value of a secret. */
  static final String HIDDEN = EndpointSettings.HIDDEN;

  private final String property;
  private final String action;

  private InvalidProperty(String property, String problem, String action, Throwable cause) {
    super(problem, cause);
    this.property = property;
    this.action = action;
  }

  /** The property at fault. */
  String property() {
    return property;
  }

  /** What to do about it. */
  String action() {
    return action;
  }

  /** Runs {@code apply}; what it refuses becomes an error naming {@code property} and {@code shown}. */
  static void apply(String property, Object shown, Runnable apply) {
    try {
      apply.run();
    } catch (IllegalArgumentException | IllegalStateException | DateTimeException refused) {
      throw of(property, shown, refused.getMessage(), refused);
    }
  }

  /** An error saying why {@code property} cannot be {@code shown}. */
  static InvalidProperty of(String property, Object shown, String reason) {
    return of(property, shown, reason, null);
  }

  /** An error saying why {@code property} cannot be {@code shown}, caused by {@code cause} (may be null). */
  static InvalidProperty of(String property, Object shown, String reason, Throwable cause) {
    return new InvalidProperty(property, "Property " + property + " with value '" + shown + "' is invalid: " + reason,
        "Correct " + property + " (the callpush.* settings are in the README's Spring Boot section).", cause);
  }

  /** {@code property} holds {@code placeholder}, which nothing resolved. */
  static InvalidProperty unresolvedPlaceholder(String property, String placeholder) {
    return new InvalidProperty(property, "Property " + property + " is the unresolved placeholder " + placeholder
        + ": no environment variable or property of that name is set.",
        "Set " + placeholder.substring(2, placeholder.length() - 1) + " (an environment variable or property)"
            + " before starting, or give " + property + " a value.", null);
  }

  /** {@code property}, a verification setting, is present but empty. */
  static InvalidProperty empty(String property) {
    return new InvalidProperty(property, "Property " + property + " is set but empty, so it would verify nothing.",
        "Give " + property + " a value (if it comes from an environment variable, that variable is empty),"
            + " or remove it.", null);
  }

  /** No verification is configured and none was explicitly given up; {@code refused} is the receiver's refusal. */
  static InvalidProperty noVerification(Throwable refused) {
    return new InvalidProperty(ALLOW_UNVERIFIED, "No callpush.verification.* setting is set,"
        + " so anyone who can reach the endpoint could push events, and callpush.verification.allow-unverified"
        + " is not true.",
        "Set callpush.verification.tokens (or hmac-secrets, basic-users, ip-allowlist), or define a PushVerifier"
            + " in a PushReceiverConfigurer bean. To serve unverified pushes on purpose (a test, a closed network),"
            + " set callpush.verification.allow-unverified=true.", refused);
  }

  /** {@code allow-unverified} is true while verification is configured too. */
  static InvalidProperty unverifiedAndVerified() {
    return new InvalidProperty(ALLOW_UNVERIFIED, "Property "
        + ALLOW_UNVERIFIED + " is true while callpush.verification.* configures checks.",
        "Remove " + ALLOW_UNVERIFIED + " to verify pushes, or the checks to serve unverified"
            + " pushes on purpose.", null);
  }

  /** One or more of {@code properties} are not callpush settings (misspelt, or of another version). */
  static InvalidProperty unknown(String properties) {
    return new InvalidProperty(properties, "Unknown callpush setting: " + properties + ".",
        "Correct or remove it: the callpush.* settings are in the README's Spring Boot section and in your IDE's"
            + " completion. An unknown setting stops the start, so that a misspelt one never leaves the endpoint"
            + " open.", null);
  }
}

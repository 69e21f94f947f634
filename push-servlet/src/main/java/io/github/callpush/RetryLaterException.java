package io.github.callpush;

/**
 * Thrown by a listener that cannot do its work for now because what it hands the push on to is unavailable (a
 * message broker down, refusing or not confirming in time): the receiver answers 503 with {@code Retry-After}
 * ({@link Outcome.RetryLater#LISTENER_UNAVAILABLE}) instead of the 500 of a failure, unless another listener
 * failed otherwise; as for any failure, the claim is released and the platform's retry runs the listener again.
 */
public class RetryLaterException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why, as the WARN log and the observers show it; never a secret. */
  public RetryLaterException(String message, Throwable cause) {
    super(message, cause);
  }

  /** Why, as the WARN log and the observers show it; never a secret. */
  public RetryLaterException(String message) {
    super(message);
  }
}

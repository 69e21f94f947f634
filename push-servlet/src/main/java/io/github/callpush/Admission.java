package io.github.callpush;

/**
 * What the first stages ({@link RequestCheck}, decoding, claiming) made of a request: an outcome
 * already decided, or a {@link Delivery} whose listeners are claimed and ready to run.
 */
sealed interface Admission permits Admission.Decided, Delivery {

  /**
   * The answer is known before any listener runs: a URL check, a rejection, or the store failing at claim.
   *
   * @param outcome how it is answered
   * @param delivery the delivery whose claim failed, or null when no event was decoded
   */
  record Decided(Outcome outcome, Delivery delivery) implements Admission {}
}

package io.github.callpush;

/**
 * Receives every rejected push (bad JSON, too large, failed verification, wrong method) with its raw
 * bytes. Called on the request thread before the answer is sent; what it throws is logged and ignored.
 */
@FunctionalInterface
public interface DeadLetterHook {

  /** Keeps or reports the rejected push. */
  void accept(DeadLetter letter);
}

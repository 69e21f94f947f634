package io.github.callpush;

/**
 * Counts what the receiver does, for a metrics system (the Spring adapter maps it to Micrometer).
 * Called on request threads, concurrently; every method defaults to doing nothing.
 */
public interface PushMetrics {

  /** A push arrived at the endpoint (any method but a GET or HEAD URL check). */
  default void received() {}

  /** A request was rejected before any listener ran. */
  default void rejected(RejectReason reason) {}

  /** Every matching listener had already handled the event: answered 200 without running any. */
  default void duplicate() {}

  /** Another delivery of the event was still running: answered 503. */
  default void inFlightDuplicate() {}

  /** The event was handled: every matching listener is done (200). */
  default void handled() {}

  /** No listener matched the event; it was acknowledged. */
  default void unhandled() {}

  /** A listener threw; called once per listener. */
  default void listenerFailed(String listenerId) {}

  /** A push was answered 500 because one or more of its listeners threw. */
  default void listenersFailed() {}

  /** Listeners were still running at the acknowledgement deadline: the push was answered 503. */
  default void deadlinePassed() {}

  /** The dedup store failed; the push was answered 503 (or handled without dedup when failing open). */
  default void storeUnavailable() {}

  /** The time from receiving the body to the answer (or to the deadline's 503), in nanoseconds. */
  default void latency(long nanos) {}

  /** Why a request was rejected. */
  enum RejectReason {
    /** Not a POST (405). */
    METHOD_NOT_ALLOWED,
    /** Body over the size limit (413). */
    TOO_LARGE,
    /** Missing or wrong credentials (401). */
    UNAUTHORIZED,
    /** Address not allowed (403). */
    FORBIDDEN,
    /** Body not an event (400). */
    MALFORMED
  }
}

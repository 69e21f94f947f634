package io.github.callpush.dedup;

/** The outcome of {@link DedupStore#claim}. */
public enum Claim {
  /** The caller now holds the lease and may run the listener. */
  ACQUIRED,
  /** The listener already ran to success for this event. */
  COMPLETED,
  /** Another owner holds a lease that has not expired: the listener may be running right now. */
  IN_FLIGHT
}

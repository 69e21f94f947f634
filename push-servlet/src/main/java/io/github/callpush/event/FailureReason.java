package io.github.callpush.event;

/** Why a call failed ({@code failureReason}). */
public enum FailureReason {
  /** The call was forbidden. */
  FORBIDDEN,
  /** The service was unavailable. */
  SERVICE_UNAVAILABLE,
  /** The request was cancelled. */
  CANCEL,
  /** The call timed out. */
  REQUEST_TIMEOUT,
  /** The platform could not tell (the platform spells it {@code unknow}). */
  UNKNOW,
  /** The callee did not answer. */
  DECLINE,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}

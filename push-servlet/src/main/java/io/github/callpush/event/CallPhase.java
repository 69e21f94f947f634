package io.github.callpush.event;

/** Where a call is ({@code callEvent}: {@code calling}, {@code ring}, {@code link}, {@code hangup}). */
public enum CallPhase {
  /** The call is being placed. */
  CALLING,
  /** A phone rings. */
  RING,
  /** The call is connected. */
  LINK,
  /** The call ended. */
  HANGUP,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}

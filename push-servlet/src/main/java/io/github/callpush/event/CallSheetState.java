package io.github.callpush.event;

/** Which state of a call leg the older call-event push reports ({@code CallState}). */
public enum CallSheetState {
  /** The call reached the platform ({@code Ring}). */
  RING,
  /** The callee's phone rings ({@code Ringing}). */
  RINGING,
  /** The call is connected ({@code Link}). */
  LINK,
  /** The leg ended ({@code Hangup}). */
  HANGUP,
  /** The leg was unlinked ({@code Unlink}); handled as a hangup. */
  UNLINK,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}

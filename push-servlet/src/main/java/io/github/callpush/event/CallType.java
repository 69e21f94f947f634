package io.github.callpush.event;

/** The direction and kind of a call ({@code callType}: {@code incoming}, {@code dialout}, ...). */
public enum CallType {
  /** An incoming call. */
  INCOMING,
  /** An outbound call placed by an agent. */
  DIALOUT,
  /** A call placed through the web-call API. */
  WEBCALL,
  /** A preview outbound call ({@code previewDialout}). */
  PREVIEW_DIALOUT,
  /** An automatic outbound call ({@code autoDialout}). */
  AUTO_DIALOUT,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}

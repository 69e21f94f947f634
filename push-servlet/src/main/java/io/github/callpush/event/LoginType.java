package io.github.callpush.event;

/** How an agent answers calls ({@code loginType}, {@code offlineType}). */
public enum LoginType {
  /** A mobile or landline phone. */
  PSTN,
  /** The browser soft phone. */
  WEBRTC,
  /** A SIP phone. */
  SIP,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}

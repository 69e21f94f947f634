package io.github.callpush.event;

/** How an agent logged out ({@code logoutType}). */
public enum LogoutType {
  /** An ordinary logout. */
  NORMAL,
  /** Logged out to keep answering offline. */
  OFFLINE,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}

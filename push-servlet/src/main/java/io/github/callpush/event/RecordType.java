package io.github.callpush.event;

/** The kind of recording ({@code recordType}: {@code normal}, {@code doubleTrack}, {@code voiceMail}). */
public enum RecordType {
  /** One mixed track. */
  NORMAL,
  /** Agent and customer on separate tracks. */
  DOUBLE_TRACK,
  /** A voice-mail message. */
  VOICE_MAIL,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}

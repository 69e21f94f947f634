package io.github.callpush.event;

/** The kind of call of the older call-event push ({@code CallType}). */
public enum CallSheetType {
  /** An outbound call ({@code dialout}). */
  DIALOUT,
  /** An incoming call ({@code normal}). */
  NORMAL,
  /** An incoming call transferred to another agent ({@code transfer}). */
  TRANSFER,
  /** An outbound call transferred ({@code dialTransfer}). */
  DIAL_TRANSFER,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER;

  /** Whether the customer called in: {@link #NORMAL} or {@link #TRANSFER}. */
  public boolean isIncoming() {
    return this == NORMAL || this == TRANSFER;
  }
}

package io.github.callpush.event;

/** How a call of the older call-event push was handled ({@code State}). */
public enum CallSheetResult {
  /** Answered ({@code dealing}). */
  DEALING,
  /** Rang and was not answered ({@code notDeal}). */
  NOT_DEAL,
  /** Abandoned in the IVR ({@code leak}). */
  LEAK,
  /** Abandoned in the queue ({@code queueLeak}). */
  QUEUE_LEAK,
  /** Refused: the number is blacklisted ({@code blackList}). */
  BLACK_LIST,
  /** The caller left a voice mail ({@code voicemail}). */
  VOICEMAIL,
  /** Refused: the concurrency limit was reached ({@code limit}). */
  LIMIT,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER
}

package io.github.callpush.event;

/** How a call placed through the webcall API ended, from its callback's {@code Message}. */
public enum WebcallOutcome {
  /** {@code 4}: answered. */
  ANSWERED,
  /** {@code 0} or {@code 8}: busy, or failed abnormally. */
  BUSY_OR_FAILED,
  /** {@code 3}: rejected, or not answered. */
  NOT_ANSWERED,
  /** {@code 5}: the account's balance is insufficient. */
  INSUFFICIENT_BALANCE,
  /** A code callpush does not know; {@link Code#raw()} keeps what was sent. */
  OTHER;

  /** The outcome a {@code Message} stands for; null for null. */
  public static Code<WebcallOutcome> ofMessage(String message) {
    if (message == null) {
      return null;
    }
    WebcallOutcome outcome = switch (message.trim()) {
      case "4" -> ANSWERED;
      case "0", "8" -> BUSY_OR_FAILED;
      case "3" -> NOT_ANSWERED;
      case "5" -> INSUFFICIENT_BALANCE;
      default -> OTHER;
    };
    return new Code<>(outcome, message);
  }
}

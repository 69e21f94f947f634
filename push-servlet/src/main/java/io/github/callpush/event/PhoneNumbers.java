package io.github.callpush.event;

/** Masks phone numbers for logs, as the receiver does: {@code 17319132391} becomes {@code 173****2391}. */
public final class PhoneNumbers {

  private static final int KEEP_START = 3;
  private static final int KEEP_END = 4;
  private static final int MASK_AT_LEAST = 4;

  private PhoneNumbers() {}

  /** The number with its middle digits starred, at least four of them; null stays null. */
  public static String mask(String number) {
    if (number == null || number.isEmpty()) {
      return number;
    }
    int length = number.length();
    int keepStart = Math.min(KEEP_START, Math.max(0, (length - MASK_AT_LEAST) / 2));
    int keepEnd = Math.max(0, Math.min(KEEP_END, length - MASK_AT_LEAST - keepStart));
    return number.substring(0, keepStart) + "*".repeat(length - keepStart - keepEnd)
        + number.substring(length - keepEnd);
  }
}

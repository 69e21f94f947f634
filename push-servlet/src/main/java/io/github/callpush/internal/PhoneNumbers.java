package io.github.callpush.internal;

/** Masks phone numbers for logs: {@code 17319132391} becomes {@code 173****2391}. */
public final class PhoneNumbers {

  private static final int KEEP_START = 3;
  private static final int KEEP_END = 4;

  private PhoneNumbers() {}

  /** The number with its middle digits starred; short numbers keep less; null stays null. */
  public static String mask(String number) {
    if (number == null || number.isEmpty()) {
      return number;
    }
    int length = number.length();
    int keepStart = Math.min(KEEP_START, length / 3);
    int keepEnd = Math.min(KEEP_END, length / 3);
    return number.substring(0, keepStart) + "*".repeat(length - keepStart - keepEnd)
        + number.substring(length - keepEnd);
  }
}

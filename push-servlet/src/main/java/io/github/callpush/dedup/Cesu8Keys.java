package io.github.callpush.dedup;

/**
 * The key of an {@link InMemoryDedupStore} entry as bytes: the event key in CESU-8 (every char on its
 * own, lone surrogates included), a separator byte CESU-8 never produces, then the listener id. Keys are
 * written into a shared array and compared there without copying. Not API.
 */
final class Cesu8Keys {

  /** Marks the end of the event key in an entry's key bytes; CESU-8 never produces it. */
  private static final byte SEPARATOR = (byte) 0xFF;

  private Cesu8Keys() {}

  /** How many bytes the key of (eventKey, listenerId) takes. */
  static int length(String eventKey, String listenerId) {
    return encodedLength(eventKey) + 1 + encodedLength(listenerId);
  }

  /** Writes the key of (eventKey, listenerId) at {@code at} in {@code bytes}; returns where it ends. */
  static int write(String eventKey, String listenerId, byte[] bytes, int at) {
    int end = encode(eventKey, bytes, at);
    bytes[end++] = SEPARATOR;
    return encode(listenerId, bytes, end);
  }

  /** Whether the {@code length} bytes at {@code at} in {@code bytes} are the key of (eventKey, listenerId). */
  static boolean equals(byte[] bytes, int at, int length, String eventKey, String listenerId) {
    int end = at + length;
    int separator = match(eventKey, bytes, at, end);
    if (separator < 0 || separator >= end || bytes[separator] != SEPARATOR) {
      return false;
    }
    return match(listenerId, bytes, separator + 1, end) == end;
  }

  /** Where {@code s}'s bytes end if they are at {@code at} in {@code bytes} before {@code end}, else -1. */
  private static int match(String s, byte[] bytes, int at, int end) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if (at >= end || bytes[at++] != (byte) c) {
          return -1;
        }
      } else if (c < 0x800) {
        if (end - at < 2 || bytes[at++] != (byte) (0xC0 | c >> 6) || bytes[at++] != (byte) (0x80 | c & 0x3F)) {
          return -1;
        }
      } else if (end - at < 3
          || bytes[at++] != (byte) (0xE0 | c >> 12)
          || bytes[at++] != (byte) (0x80 | c >> 6 & 0x3F)
          || bytes[at++] != (byte) (0x80 | c & 0x3F)) {
        return -1;
      }
    }
    return at;
  }

  /** The length of {@code s} in CESU-8. */
  private static int encodedLength(String s) {
    int length = s.length();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      length += c < 0x80 ? 0 : c < 0x800 ? 1 : 2;
    }
    return length;
  }

  /** Writes {@code s} in CESU-8 at {@code at}; returns where it ends. */
  private static int encode(String s, byte[] bytes, int at) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes[at++] = (byte) c;
      } else if (c < 0x800) {
        bytes[at++] = (byte) (0xC0 | c >> 6);
        bytes[at++] = (byte) (0x80 | c & 0x3F);
      } else {
        bytes[at++] = (byte) (0xE0 | c >> 12);
        bytes[at++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[at++] = (byte) (0x80 | c & 0x3F);
      }
    }
    return at;
  }
}

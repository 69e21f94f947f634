package io.github.callpush.verify;

/**
 * Parses literal IPv4 and IPv6 addresses by hand, so that no text ever reaches a name lookup. IPv4
 * is strict dotted decimal; IPv6 takes {@code ::}, an embedded IPv4 tail, brackets and a zone id
 * (dropped). Not API.
 */
final class IpAddresses {

  /** Longer text is no address: 45 characters of IPv6, brackets and a short zone id. */
  private static final int MAX_LENGTH = 64;

  private IpAddresses() {}

  /** The address as 4 bytes (IPv4, also IPv4-mapped IPv6) or 16 bytes, or null when the text is no literal. */
  static byte[] parse(String text) {
    byte[] address = parseLiteral(text);
    return address != null && isMapped(address) ? lastFour(address) : address;
  }

  /** The address as written: 4 or 16 bytes, IPv4-mapped IPv6 kept as 16; null when no literal. */
  static byte[] parseLiteral(String text) {
    if (text == null) {
      return null;
    }
    String literal = text.trim();
    if (literal.isEmpty() || literal.length() > MAX_LENGTH) {
      return null;
    }
    if (literal.charAt(0) == '[' && literal.charAt(literal.length() - 1) == ']') {
      literal = literal.substring(1, literal.length() - 1);
    }
    return literal.indexOf(':') < 0 ? parseV4(literal) : parseV6(literal);
  }

  /** Whether 16 bytes are an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}). */
  static boolean isMapped(byte[] address) {
    if (address.length != 16 || address[10] != (byte) 0xff || address[11] != (byte) 0xff) {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (address[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** The IPv4 address inside an IPv4-mapped one. */
  static byte[] lastFour(byte[] address) {
    byte[] v4 = new byte[4];
    System.arraycopy(address, 12, v4, 0, 4);
    return v4;
  }

  private static byte[] parseV4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] address = new byte[4];
    for (int i = 0; i < 4; i++) {
      int octet = decimalOctet(parts[i]);
      if (octet < 0) {
        return null;
      }
      address[i] = (byte) octet;
    }
    return address;
  }

  /** 0 to 255 written in decimal without leading zeros (which some parsers read as octal), else -1. */
  private static int decimalOctet(String part) {
    if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }

  private static byte[] parseV6(String text) {
    int zone = text.indexOf('%');
    String literal = zone < 0 ? text : text.substring(0, zone);
    int gap = literal.indexOf("::");
    if (gap >= 0 && literal.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = groups(gap < 0 ? literal : literal.substring(0, gap), gap < 0);
    int[] tail = gap < 0 ? new int[0] : groups(literal.substring(gap + 2), true);
    if (head == null || tail == null) {
      return null;
    }
    int count = head.length + tail.length;
    if (gap < 0 ? count != 8 : count > 7) {
      return null;
    }
    byte[] address = new byte[16];
    put(address, 0, head);
    put(address, 8 - tail.length, tail);
    return address;
  }

  /** The 16-bit groups of a colon-separated run (an IPv4 tail counts as two), or null when malformed. */
  private static int[] groups(String run, boolean ipv4TailAllowed) {
    if (run.isEmpty()) {
      return new int[0];
    }
    String[] parts = run.split(":", -1);
    String last = parts[parts.length - 1];
    boolean ipv4Tail = last.indexOf('.') >= 0;
    if (ipv4Tail && !ipv4TailAllowed) {
      return null;
    }
    int[] groups = new int[parts.length + (ipv4Tail ? 1 : 0)];
    for (int i = 0; i < parts.length - (ipv4Tail ? 1 : 0); i++) {
      groups[i] = hexGroup(parts[i]);
      if (groups[i] < 0) {
        return null;
      }
    }
    if (ipv4Tail) {
      byte[] v4 = parseV4(last);
      if (v4 == null) {
        return null;
      }
      groups[parts.length - 1] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
      groups[parts.length] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
    }
    return groups;
  }

  /** One to four hex digits as a number, else -1. */
  private static int hexGroup(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      int digit = Character.digit(part.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value << 4 | digit;
    }
    return value;
  }

  private static void put(byte[] address, int firstGroup, int[] groups) {
    for (int i = 0; i < groups.length; i++) {
      address[2 * (firstGroup + i)] = (byte) (groups[i] >>> 8);
      address[2 * (firstGroup + i) + 1] = (byte) groups[i];
    }
  }
}

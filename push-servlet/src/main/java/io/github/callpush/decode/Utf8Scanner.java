package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads the kept members of a UTF-8 JSON object straight from its bytes, without Jackson's tokenizer, for
 * the bodies it reads exactly as Jackson would: the JSON pushes really sent. Anything it is not sure of
 * (a malformed body, a float it would keep, a string or number near a limit, bytes that are not plain
 * UTF-8, nesting near the limit) leaves the body {@linkplain #scan undecided}: Jackson then reads it and
 * decides, so this class only ever accepts what Jackson accepts, with the same values.
 *
 * <p>Every byte is checked: a body is decided only when the whole document is well-formed.
 */
final class Utf8Scanner {

  /** Unwinds a scan that cannot decide; one instance, no stack trace: it is control flow, not an error. */
  private static final class Undecided extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private Undecided() {
      super(null, null, false, false);
    }
  }

  private static final Undecided UNDECIDED = new Undecided();
  /** Nesting deeper than this leaves the body to Jackson: this scanner recurses, Jackson's tree reader does not. */
  private static final int DEEPEST = 256;
  /** A name longer than this leaves the body to Jackson, whose own limit on names is far above it. */
  private static final int LONGEST_NAME = 1024;
  /** The bytes a string holds as they are: printable ASCII but the quote and the backslash. */
  private static final boolean[] PLAIN = new boolean[256];

  static {
    for (int b = 0x20; b < 0x80; b++) {
      PLAIN[b] = b != '"' && b != '\\';
    }
  }

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** Digits a long holds whatever they are. */
  private static final int LONG_DIGITS = 18;

  private final JsonSource json;
  private final JsonNodeFactory nodes;
  private final LocalTimes times;
  private final int maxNestingDepth;
  private final int maxStringLength;
  private final int maxNumberLength;

  Utf8Scanner(JsonSource json, JsonNodeFactory nodes, LocalTimes times, int maxNestingDepth, int maxStringLength,
      int maxNumberLength) {
    this.json = json;
    this.nodes = nodes;
    this.times = times;
    this.maxNestingDepth = maxNestingDepth;
    this.maxStringLength = maxStringLength;
    this.maxNumberLength = maxNumberLength;
  }

  /** The kept members of the object {@code body} holds from {@code offset}; null when undecided. */
  ScannedMembers scan(byte[] body, int offset) {
    try {
      Cursor cursor = new Cursor(body, offset);
      cursor.skipSpace();
      cursor.expect('{');
      ScannedMembers members = cursor.members(1, true);
      cursor.skipSpace();
      return cursor.at == body.length ? members : null;
    } catch (Undecided | ArrayIndexOutOfBoundsException undecided) {
      // reading past the end is a body cut short: Jackson says where
      return null;
    }
  }

  /** One pass over one body. */
  private final class Cursor {

    private final byte[] in;
    private int at;
    /** Set by {@link #string}: where the last string's content starts and ends, and what it holds. */
    private int start;
    private int end;
    private boolean escaped;
    private boolean ascii;

    Cursor(byte[] in, int at) {
      this.in = in;
      this.at = at;
    }

    /** The members of the object whose opening brace was just read, at nesting {@code depth}. */
    ScannedMembers members(int depth, boolean root) {
      checkDepth(depth);
      ScannedMembers members = new ScannedMembers(json);
      skipSpace();
      if (in[at] == '}') {
        at++;
        return members;
      }
      while (true) {
        expect('"');
        int index = name();
        colon();
        if (index < 0) {
          value(depth, false);
        } else if (root && index == ScannedMembers.CONTENT && in[at] == '{') {
          at++;
          members.put(index, members(depth + 1, false));
        } else if (in[at] == '"') {
          at++;
          string();
          members.put(index, ScannedMembers.isTime(index) ? timeOrText() : text());
        } else {
          members.put(index, value(depth, true));
        }
        if (endOfContainer('}')) {
          return members;
        }
      }
    }

    /** After a member or element: true at {@code close}, false after a comma; anything else is undecided. */
    private boolean endOfContainer(char close) {
      skipSpace();
      byte next = in[at++];
      if (next == ',') {
        skipSpace();
        return false;
      }
      if (next == close) {
        return true;
      }
      throw UNDECIDED;
    }

    /** The index of the member name whose opening quote was just read; -1 for a name not kept. */
    private int name() {
      memberName();
      if (escaped) {
        return ScannedMembers.indexOf(text());
      }
      return ascii ? ScannedMembers.indexOf(in, start, end) : -1;
    }

    /** Reads a member name whose opening quote was just read. */
    private void memberName() {
      string();
      if (end - start > LONGEST_NAME) {
        throw UNDECIDED;
      }
    }

    /** Skips the space and the colon after a member's name, and the space after them. */
    private void colon() {
      skipSpace();
      expect(':');
      skipSpace();
    }

    /**
     * The value at the cursor as Jackson's tree holds it, or, unless {@code keep}, the value only checked
     * (null, or a node that costs nothing).
     */
    private JsonNode value(int depth, boolean keep) {
      switch (in[at]) {
        case '"':
          at++;
          string();
          return keep ? nodes.textNode(text()) : null;
        case '{':
          at++;
          return object(depth + 1, keep);
        case '[':
          at++;
          return array(depth + 1, keep);
        case 't':
          literal("true");
          return nodes.booleanNode(true);
        case 'f':
          literal("false");
          return nodes.booleanNode(false);
        case 'n':
          literal("null");
          return nodes.nullNode();
        default:
          if (keep) {
            return integer();
          }
          number();
          return null;
      }
    }

    private ObjectNode object(int depth, boolean keep) {
      checkDepth(depth);
      ObjectNode object = keep ? nodes.objectNode() : null;
      skipSpace();
      if (in[at] == '}') {
        at++;
        return object;
      }
      do {
        expect('"');
        memberName();
        String name = keep ? text() : null;
        colon();
        JsonNode value = value(depth, keep);
        if (keep) {
          object.replace(name, value);
        }
      } while (!endOfContainer('}'));
      return object;
    }

    private ArrayNode array(int depth, boolean keep) {
      checkDepth(depth);
      ArrayNode array = keep ? nodes.arrayNode() : null;
      skipSpace();
      if (in[at] == ']') {
        at++;
        return array;
      }
      do {
        JsonNode element = value(depth, keep);
        if (keep) {
          array.add(element);
        }
      } while (!endOfContainer(']'));
      return array;
    }

    /**
     * Reads a string whose opening quote was just read, up to and past its closing quote; sets {@link #start},
     * {@link #end}, {@link #escaped} and {@link #ascii}.
     */
    private void string() {
      byte[] in = this.in;
      int i = at;
      boolean plain = true;
      boolean escapes = false;
      while (true) {
        // eight bytes at a time up to the first that is not plain: a quote, backslash, control or non-ASCII byte
        if (i + Long.BYTES <= in.length) {
          long special = special((long) LONGS.get(in, i));
          if (special == 0) {
            i += Long.BYTES;
            continue;
          }
          i += Long.numberOfTrailingZeros(special) >>> 3;
        }
        int b = in[i] & 0xFF;
        if (PLAIN[b]) {
          i++;
        } else if (b == '"') {
          break;
        } else if (b == '\\') {
          escapes = true;
          i = escape(i + 1);
        } else if (b >= 0x80) {
          plain = false;
          i = utf8(i, b);
        } else {
          throw UNDECIDED;
        }
      }
      if (i - at >= maxStringLength) {
        throw UNDECIDED;
      }
      start = at;
      end = i;
      escaped = escapes;
      ascii = plain;
      at = i + 1;
    }

    /** The time the string {@link #string} just read holds as {@code yyyy-MM-dd HH:mm:ss}, else its text. */
    private Object timeOrText() {
      Instant time = end - start == LocalTimes.LENGTH && ascii && !escaped ? times.parse(in, start) : null;
      return time != null ? time : text();
    }

    /** The text of the string {@link #string} just read. */
    private String text() {
      if (start == end) {
        return "";
      }
      if (!escaped) {
        return new String(in, start, end - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
      }
      char[] text = new char[end - start];
      int length = 0;
      for (int i = start; i < end; ) {
        int b = in[i];
        if (b == '\\') {
          char escape = (char) in[i + 1];
          if (escape == 'u') {
            text[length++] = (char) Integer.parseInt(new String(in, i + 2, 4, StandardCharsets.ISO_8859_1), 16);
            i += 6;
          } else {
            text[length++] = unescaped(escape);
            i += 2;
          }
        } else if (b >= 0) {
          text[length++] = (char) b;
          i++;
        } else {
          int next = utf8(i, b & 0xFF);
          String decoded = new String(in, i, next - i, StandardCharsets.UTF_8);
          decoded.getChars(0, decoded.length(), text, length);
          length += decoded.length();
          i = next;
        }
      }
      return new String(text, 0, length);
    }

    /** Checks the escape whose character is at {@code i}; the index after it. */
    private int escape(int i) {
      byte escape = in[i];
      if (escape == 'u') {
        for (int k = i + 1; k <= i + 4; k++) {
          if (Character.digit(in[k], 16) < 0) {
            throw UNDECIDED;
          }
        }
        return i + 5;
      }
      unescaped((char) escape);
      return i + 1;
    }

    /** Checks a well-formed UTF-8 sequence (no overlong form, no surrogate, at most U+10FFFF) at {@code i}; the index after it. */
    private int utf8(int i, int lead) {
      int length;
      int low = 0x80;
      int high = 0xBF;
      if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
      } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
      } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
      } else {
        throw UNDECIDED;
      }
      int second = in[i + 1] & 0xFF;
      if (second < low || second > high) {
        throw UNDECIDED;
      }
      for (int k = i + 2; k < i + length; k++) {
        if ((in[k] & 0xC0) != 0x80) {
          throw UNDECIDED;
        }
      }
      return i + length;
    }

    /** An integer as Jackson's tree holds it: an int when it fits one, else a long; anything else is undecided. */
    private JsonNode integer() {
      boolean negative = in[at] == '-';
      int digitsFrom = negative ? at + 1 : at;
      if (number() || at - digitsFrom > LONG_DIGITS) {
        throw UNDECIDED;
      }
      long value = 0;
      for (int i = digitsFrom; i < at; i++) {
        value = value * 10 + (in[i] - '0');
      }
      value = negative ? -value : value;
      return value == (int) value ? nodes.numberNode((int) value) : nodes.numberNode(value);
    }

    /**
     * Checks a number as JSON allows it ({@code -}, then {@code 0} or digits without a leading zero, then an
     * optional fraction and exponent); true when it has a fraction or an exponent.
     */
    private boolean number() {
      int from = at;
      if (in[at] == '-') {
        at++;
      }
      if (in[at] == '0') {
        at++;
      } else {
        digits();
      }
      boolean floating = false;
      if (in[at] == '.') {
        at++;
        digits();
        floating = true;
      }
      if (in[at] == 'e' || in[at] == 'E') {
        at++;
        if (in[at] == '+' || in[at] == '-') {
          at++;
        }
        digits();
        floating = true;
      }
      if (at - from >= maxNumberLength) {
        throw UNDECIDED;
      }
      return floating;
    }

    /** One or more digits. */
    private void digits() {
      if (in[at] < '0' || in[at] > '9') {
        throw UNDECIDED;
      }
      do {
        at++;
      } while (in[at] >= '0' && in[at] <= '9');
    }

    private void literal(String word) {
      for (int i = 0; i < word.length(); i++) {
        if (in[at + i] != word.charAt(i)) {
          throw UNDECIDED;
        }
      }
      at += word.length();
    }

    private void expect(char c) {
      if (in[at] != c) {
        throw UNDECIDED;
      }
      at++;
    }

    private void skipSpace() {
      if (at < in.length && in[at] > ' ') {
        return;
      }
      while (at < in.length) {
        byte b = in[at];
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          return;
        }
        at++;
      }
    }

    private void checkDepth(int depth) {
      if (depth >= maxNestingDepth || depth > DEEPEST) {
        throw UNDECIDED;
      }
    }
  }

  /**
   * The high bit of each byte of {@code word} (little-endian: the first byte lowest) that is not {@linkplain
   * #PLAIN plain}, exact up to the first such byte (the usual bit tricks may also mark bytes after it); zero
   * when all eight are plain.
   */
  private static long special(long word) {
    long quotes = word ^ (ONES * '"');
    long backslashes = word ^ (ONES * '\\');
    long below0x20 = (word - ONES * 0x20) & ~word;
    long quote = (quotes - ONES) & ~quotes;
    long backslash = (backslashes - ONES) & ~backslashes;
    return (below0x20 | quote | backslash | word) & HIGH_BITS;
  }

  /** The character an escape stands for; undecided for one JSON does not have. */
  private static char unescaped(char escape) {
    switch (escape) {
      case '"':
      case '\\':
      case '/':
        return escape;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      default:
        throw UNDECIDED;
    }
  }
}

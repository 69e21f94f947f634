package io.github.callpush.decode;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.CharConversionException;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;

/**
 * A push body that is not an event: empty, not JSON, not a JSON object, too deep or too large, or in a
 * charset this JVM does not have. The message says precisely what is wrong, with line and column for
 * malformed JSON; the receiver answers it with 400 and hands the raw bytes to the dead-letter hook.
 */
public final class PushDecodingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Bytes that are not text in the charset the {@code Content-Type} names (e.g. UTF-8 declared as GBK). */
  static PushDecodingException notInCharset(String charset, CharacterCodingException cause) {
    return new PushDecodingException(
        Reason.MALFORMED_JSON, "malformed body: not " + charset + " text as its Content-Type says", -1, -1, cause);
  }

  /** What kind of problem the body has. */
  public enum Reason {
    /** No bytes, or only whitespace; or a form without parameters. */
    EMPTY_BODY,
    /** Not well-formed JSON, or not text in its encoding; {@link #line()} and {@link #column()} tell where if known. */
    MALFORMED_JSON,
    /** Well-formed JSON, but not an object. */
    NOT_AN_OBJECT,
    /** Nested deeper than the decoder allows. */
    TOO_DEEP,
    /** A string, number or the whole document longer than the decoder allows. */
    TOO_LARGE,
    /** The Content-Type names a charset this JVM does not support. */
    UNSUPPORTED_CHARSET
  }

  private final Reason reason;
  private final int line;
  private final int column;

  private PushDecodingException(Reason reason, String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.line = line;
    this.column = column;
  }

  static PushDecodingException emptyBody() {
    return new PushDecodingException(Reason.EMPTY_BODY, "empty body: expected a JSON object", -1, -1, null);
  }

  static PushDecodingException emptyForm() {
    return new PushDecodingException(
        Reason.EMPTY_BODY, "empty form: expected the parameters of a push", -1, -1, null);
  }

  static PushDecodingException formValueTooLong(int limit) {
    return new PushDecodingException(
        Reason.TOO_LARGE, "form parameter longer than the limit of " + limit + " characters", -1, -1, null);
  }

  static PushDecodingException notAnObject(JsonNodeType type) {
    String found = type.name().toLowerCase(Locale.ROOT);
    return new PushDecodingException(
        Reason.NOT_AN_OBJECT, "not an event: expected a JSON object, found " + found, -1, -1, null);
  }

  static PushDecodingException unsupportedCharset(String charset, Throwable cause) {
    return new PushDecodingException(
        Reason.UNSUPPORTED_CHARSET, "unsupported charset in Content-Type: " + charset, -1, -1, cause);
  }

  static PushDecodingException limitExceeded(Reason reason, JsonProcessingException cause) {
    return new PushDecodingException(reason, describe("body exceeds a limit", cause), line(cause), column(cause), cause);
  }

  static PushDecodingException malformed(JsonProcessingException cause) {
    return new PushDecodingException(
        Reason.MALFORMED_JSON, describe("malformed JSON", cause), line(cause), column(cause), cause);
  }

  /** Bytes that are not text in the encoding the body was detected as (e.g. invalid or truncated UTF-32). */
  static PushDecodingException badEncoding(CharConversionException cause) {
    return new PushDecodingException(
        Reason.MALFORMED_JSON, "malformed JSON: " + firstLine(cause.getMessage()), -1, -1, cause);
  }

  /** What kind of problem the body has. */
  public Reason reason() {
    return reason;
  }

  /** The 1-based line of a JSON problem, or -1 when the problem has no position. */
  public int line() {
    return line;
  }

  /** The 1-based column of a JSON problem, or -1 when the problem has no position. */
  public int column() {
    return column;
  }

  private static String describe(String what, JsonProcessingException cause) {
    JsonLocation location = cause.getLocation();
    String where = location == null || location.getLineNr() < 0
        ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    return what + where + ": " + firstLine(cause.getOriginalMessage());
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable input";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static int line(JsonProcessingException cause) {
    JsonLocation location = cause.getLocation();
    return location == null ? -1 : location.getLineNr();
  }

  private static int column(JsonProcessingException cause) {
    JsonLocation location = cause.getLocation();
    return location == null ? -1 : location.getColumnNr();
  }
}

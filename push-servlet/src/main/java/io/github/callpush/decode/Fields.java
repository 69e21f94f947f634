package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.callpush.event.Code;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one payload object as what they mean, whatever JSON type they arrived as.
 * Every reader returns null (or an empty collection) for a missing, {@code null} or {@code ""} field,
 * and for a value it cannot read as asked: the value stays in the raw JSON.
 */
final class Fields {

  /** Epoch values below this are seconds, above it milliseconds (1e11 s is the year 5138, 1e11 ms 1973). */
  private static final long SECONDS_BELOW = 100_000_000_000L;
  private static final int LOCAL_DATE_TIME_LENGTH = "yyyy-MM-dd HH:mm:ss".length();
  private static final int MAX_DECIMAL_LENGTH = 40;

  private final ObjectNode object;
  private final ZoneId zone;
  private final JsonSource json;

  Fields(ObjectNode object, ZoneId zone, JsonSource json) {
    this.object = object;
    this.zone = zone;
    this.json = json;
  }

  boolean has(String name) {
    return text(name) != null;
  }

  String text(String name) {
    return textOf(object.get(name));
  }

  <E extends Enum<E>> Code<E> code(String name, Class<E> type) {
    return Code.of(type, text(name));
  }

  Integer integer(String name) {
    JsonNode node = object.get(name);
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.canConvertToInt() ? node.intValue() : null;
    }
    if (node.isNumber()) {
      return wholeInt(decimalOf(node));
    }
    String text = textOf(node);
    if (text == null) {
      return null;
    }
    String trimmed = text.trim();
    try {
      return Integer.valueOf(trimmed);
    } catch (NumberFormatException notAnInt) {
      return trimmed.length() > MAX_DECIMAL_LENGTH ? null : wholeInt(decimal(trimmed));
    }
  }

  Instant instant(String name) {
    JsonNode node = object.get(name);
    if (node == null) {
      return null;
    }
    if (node.isNumber()) {
      return node.isIntegralNumber() && node.canConvertToLong() ? epoch(node.longValue()) : null;
    }
    String text = textOf(node);
    return text == null ? null : instant(text.trim(), zone);
  }

  /** A list of strings; {@code [""]} and blank elements are dropped, a single string is a one-element list. */
  List<String> strings(String name) {
    JsonNode node = object.get(name);
    if (node == null) {
      return List.of();
    }
    if (node.isArray()) {
      List<String> values = new ArrayList<>(node.size());
      for (JsonNode element : node) {
        String text = textOf(element);
        if (text != null && !text.isBlank()) {
          values.add(text);
        }
      }
      return values;
    }
    String text = textOf(node);
    return text == null || text.isBlank() ? List.of() : List.of(text);
  }

  /** {@code extras}: an object, or a string holding a JSON object; anything else is empty. */
  Map<String, Object> map(String name) {
    JsonNode node = object.get(name);
    if (node != null && node.isTextual()) {
      node = json.parseEmbeddedObject(node.textValue());
    }
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    return toMap(node);
  }

  static String textOf(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      String text = node.textValue();
      return text.isEmpty() ? null : text;
    }
    if (node.isFloatingPointNumber()) {
      BigDecimal value = decimalOf(node);
      return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
    if (node.isValueNode()) {
      return node.asText();
    }
    return node.toString();
  }

  /** Reads a time: unix seconds, unix milliseconds, {@code yyyy-MM-dd HH:mm:ss} in {@code zone}, or ISO-8601. */
  static Instant instant(String text, ZoneId zone) {
    if (text.isEmpty()) {
      return null;
    }
    if (isDigits(text)) {
      return text.length() > 18 ? null : epoch(Long.parseLong(text));
    }
    if (text.length() == LOCAL_DATE_TIME_LENGTH) {
      LocalDateTime local = localDateTime(text);
      if (local != null) {
        return local.atZone(zone).toInstant();
      }
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException notLocal) {
        return null;
      }
    }
  }

  private static Instant epoch(long value) {
    if (value <= 0) {
      return null;
    }
    return value < SECONDS_BELOW ? Instant.ofEpochSecond(value) : Instant.ofEpochMilli(value);
  }

  /** Parses {@code yyyy-MM-dd HH:mm:ss} (or with {@code T}) without a formatter: it is on the hot path. */
  private static LocalDateTime localDateTime(String s) {
    if (s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != ' ' && s.charAt(10) != 'T')
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 7);
    int day = digits(s, 8, 10);
    int hour = digits(s, 11, 13);
    int minute = digits(s, 14, 16);
    int second = digits(s, 17, 19);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second);
    } catch (DateTimeException outOfRange) {
      return null;
    }
  }

  private static int digits(String s, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = s.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        return -1;
      }
      value = value * 10 + digit;
    }
    return value;
  }

  private static boolean isDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** A number as a decimal; null for a float that overflowed to infinity (e.g. {@code 1e400}). */
  private static BigDecimal decimalOf(JsonNode number) {
    if ((number.isDouble() || number.isFloat()) && !Double.isFinite(number.doubleValue())) {
      return null;
    }
    return number.decimalValue();
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  private static Integer wholeInt(BigDecimal value) {
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException notWholeOrTooBig) {
      return null;
    }
  }

  private static Map<String, Object> toMap(JsonNode object) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      map.put(field.getKey(), toJava(field.getValue()));
    }
    return Collections.unmodifiableMap(map);
  }

  private static Object toJava(JsonNode node) {
    if (node.isObject()) {
      return toMap(node);
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>(node.size());
      node.forEach(element -> list.add(toJava(element)));
      return Collections.unmodifiableList(list);
    }
    if (node.isNumber()) {
      return node.numberValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}

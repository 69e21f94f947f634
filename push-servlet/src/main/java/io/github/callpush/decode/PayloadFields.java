package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.callpush.event.Code;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of one payload object as what they mean, whatever JSON type they arrived as.
 * Every reader returns null (or an empty collection) for a missing, {@code null} or {@code ""} field,
 * and for a value it cannot read as asked: the value stays in the raw JSON.
 */
final class PayloadFields {

  /** Epoch values below this are seconds, above it milliseconds (1e11 s is the year 5138, 1e11 ms 1973). */
  private static final long SECONDS_BELOW = 100_000_000_000L;
  private static final int MAX_DECIMAL_LENGTH = 40;

  private final Members members;
  private final LocalTimes times;
  private final JsonSource json;

  PayloadFields(Members members, LocalTimes times, JsonSource json) {
    this.members = members;
    this.times = times;
    this.json = json;
  }

  boolean has(String name) {
    return text(name) != null;
  }

  String text(String name) {
    return textOf(members.get(name));
  }

  <E extends Enum<E>> Code<E> code(String name, Class<E> type) {
    return Code.of(type, text(name));
  }

  Integer integer(String name) {
    Object value = members.get(name);
    if (value instanceof JsonNode node && node.isNumber()) {
      if (node.isIntegralNumber()) {
        return node.canConvertToInt() ? node.intValue() : null;
      }
      return wholeInt(decimalOf(node));
    }
    String text = textOf(value);
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
    Object value = members.get(name);
    if (value instanceof Instant time) {
      return time;
    }
    if (value instanceof JsonNode node && node.isNumber()) {
      return node.isIntegralNumber() && node.canConvertToLong() ? epoch(node.longValue()) : null;
    }
    String text = textOf(value);
    return text == null ? null : instant(text.trim(), times);
  }

  /** A list of strings; {@code [""]} and blank elements are dropped, a single string is a one-element list. */
  List<String> strings(String name) {
    Object value = members.get(name);
    if (value instanceof JsonNode node && node.isArray()) {
      String[] values = new String[node.size()];
      int count = 0;
      for (JsonNode element : node) {
        String text = textOf(element);
        if (text != null && !text.isBlank()) {
          values[count++] = text;
        }
      }
      return List.of(count == values.length ? values : Arrays.copyOf(values, count));
    }
    String text = textOf(value);
    return text == null || text.isBlank() ? List.of() : List.of(text);
  }

  /** {@code extras}: an object, or a string holding a JSON object; anything else is empty. */
  Map<String, Object> map(String name) {
    Object value = members.get(name);
    JsonNode node = value instanceof String text ? json.parseEmbeddedObject(text)
        : value instanceof JsonNode member && member.isTextual() ? json.parseEmbeddedObject(member.textValue())
        : (JsonNode) value;
    if (node == null || !node.isObject()) {
      return Map.of();
    }
    return toMap(node);
  }

  /** The text of a member's value ({@link Members#get}); null for an absent, {@code null} or empty one. */
  static String textOf(Object value) {
    if (value instanceof String text) {
      return text.isEmpty() ? null : text;
    }
    if (value instanceof Instant) {
      throw new IllegalStateException("a member a scan read as a time is read as text: read it with instant()");
    }
    return textOf((JsonNode) value);
  }

  private static String textOf(JsonNode node) {
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

  /** Reads a time: unix seconds, unix milliseconds, {@code yyyy-MM-dd HH:mm:ss} in the zone of {@code times}, or ISO-8601. */
  static Instant instant(String text, LocalTimes times) {
    if (text.isEmpty()) {
      return null;
    }
    if (isDigits(text)) {
      return text.length() > 18 ? null : epoch(Long.parseLong(text));
    }
    Instant local = times.parse(text);
    if (local != null) {
      return local;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(times.zone()).toInstant();
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

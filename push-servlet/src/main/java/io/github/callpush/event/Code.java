package io.github.callpush.event;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A value the platform sends as a code string, with the string it sent: {@link #value()} is the
 * named constant, or the enum's {@code OTHER} when callpush does not know the code, and {@link #raw()}
 * is always what arrived. Codes match constants ignoring ASCII case and underscores
 * ({@code previewDialout} is {@link CallType#PREVIEW_DIALOUT}); other letters match only themselves, so
 * that a dotless {@code ı} or the Kelvin sign never passes for an {@code i} or a {@code k}.
 *
 * @param value the named constant; the enum's {@code OTHER} for an unknown code
 * @param raw the code as sent
 * @param <E> the enum of known codes
 */
public record Code<E extends Enum<E>>(E value, String raw) {

  private static final String OTHER = "OTHER";

  /**
   * Per enum, its constants by name and by name without underscores, ignoring ASCII case: the forms codes
   * arrive in ({@code ANSWER}, {@code dialout}, {@code previewDialout}) are found without a copy.
   */
  private static final ClassValue<NavigableMap<String, Enum<?>>> BY_CODE = new ClassValue<>() {
    @Override
    protected NavigableMap<String, Enum<?>> computeValue(Class<?> type) {
      NavigableMap<String, Enum<?>> byCode = new TreeMap<>(Code::compareIgnoringAsciiCase);
      for (Object constant : type.getEnumConstants()) {
        Enum<?> known = (Enum<?>) constant;
        if (!OTHER.equals(known.name())) {
          byCode.put(known.name(), known);
          byCode.put(normalise(known.name()), known);
        }
      }
      return Collections.unmodifiableNavigableMap(byCode);
    }
  };

  /** Checks both parts are present. */
  public Code {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
  }

  /**
   * Looks up a code.
   *
   * @return the code, or null when {@code raw} is null
   */
  public static <E extends Enum<E>> Code<E> of(Class<E> type, String raw) {
    if (raw == null) {
      return null;
    }
    NavigableMap<String, Enum<?>> byCode = BY_CODE.get(type);
    Enum<?> known = byCode.get(raw);
    if (known == null && raw.indexOf('_') >= 0) {
      known = byCode.get(normalise(raw));
    }
    return new Code<>(known == null ? Enum.valueOf(type, OTHER) : type.cast(known), raw);
  }

  /** Whether this is the given constant. */
  public boolean is(E constant) {
    return value == constant;
  }

  /** Whether callpush does not know this code; {@link #raw()} tells what it was. */
  public boolean isOther() {
    return OTHER.equals(value.name());
  }

  /** The code as sent. */
  @Override
  public String toString() {
    return raw;
  }

  private static int compareIgnoringAsciiCase(String left, String right) {
    int length = Math.min(left.length(), right.length());
    for (int i = 0; i < length; i++) {
      int difference = asciiLowerCase(left.charAt(i)) - asciiLowerCase(right.charAt(i));
      if (difference != 0) {
        return difference;
      }
    }
    return left.length() - right.length();
  }

  private static char asciiLowerCase(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
  }

  private static String normalise(String code) {
    return code.replace("_", "");
  }
}

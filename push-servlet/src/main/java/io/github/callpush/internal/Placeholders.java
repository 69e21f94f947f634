package io.github.callpush.internal;

import java.util.regex.Pattern;

/**
 * Spots configuration values that still hold a {@code ${...}} placeholder: a property source that
 * left {@code ${CALLPUSH_TOKEN}} unresolved would otherwise make that literal text a valid secret.
 */
public final class Placeholders {

  private static final Pattern UNRESOLVED = Pattern.compile("\\$\\{[^}]*}");

  private Placeholders() {}

  /** Whether {@code value} contains an unresolved {@code ${...}} placeholder. */
  public static boolean isUnresolved(String value) {
    return value != null && UNRESOLVED.matcher(value).find();
  }
}

package io.github.callpush.spring.autoconfigure;

import io.github.callpush.internal.VerifierSettings;
import java.time.DateTimeException;
import java.util.function.Supplier;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** Turns a setting the library refused into a start-up error that names the {@code callpush.*} property. */
final class InvalidProperty {

  /** Shown instead of the value of a secret. */
  static final String HIDDEN = VerifierSettings.HIDDEN;

  private InvalidProperty() {}

  /** Runs {@code apply}; what it refuses becomes an error naming {@code property} and {@code shown}. */
  static void apply(String property, Object shown, Runnable apply) {
    make(property, shown, () -> {
      apply.run();
      return null;
    });
  }

  /** What {@code make} returns; what it refuses becomes an error naming {@code property} and {@code shown}. */
  static <T> T make(String property, Object shown, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | IllegalStateException | DateTimeException refused) {
      throw of(property, shown, refused.getMessage(), refused);
    }
  }

  /** An error saying why {@code property} cannot be {@code shown}. */
  static InvalidConfigurationPropertyValueException of(String property, Object shown, String reason) {
    return new InvalidConfigurationPropertyValueException(property, shown, reason);
  }

  /** An error saying why {@code property} cannot be {@code shown}, caused by {@code cause} (may be null). */
  static InvalidConfigurationPropertyValueException of(String property, Object shown, String reason,
      Throwable cause) {
    InvalidConfigurationPropertyValueException invalid = of(property, shown, reason);
    if (cause != null) {
      invalid.initCause(cause);
    }
    return invalid;
  }
}

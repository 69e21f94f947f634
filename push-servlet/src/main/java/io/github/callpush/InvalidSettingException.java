package io.github.callpush;

import io.github.callpush.EndpointSettings.Setting;

/**
 * An {@link EndpointSettings} value that is refused: names the {@link Setting}, the value as it may be
 * shown ({@link EndpointSettings#HIDDEN} for a secret) and why, so that each front end reports it under
 * its own name for the setting (an init-param, a property, a flag).
 */
public final class InvalidSettingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final Setting setting;
  private final String entry;
  private final String shownValue;
  private final String reason;
  private final boolean missingVerification;

  private InvalidSettingException(Setting setting, String entry, Object shownValue, String reason,
      boolean missingVerification, Throwable cause) {
    super(setting.kebabName() + (entry == null ? "" : " " + entry) + ": " + reason, cause);
    this.setting = setting;
    this.entry = entry;
    this.shownValue = String.valueOf(shownValue);
    this.reason = reason;
    this.missingVerification = missingVerification;
  }

  /** {@code setting} (its {@code entry}, such as a Basic user's name, or null) cannot be {@code shownValue}. */
  static InvalidSettingException refused(Setting setting, String entry, Object shownValue, String reason,
      Throwable cause) {
    return new InvalidSettingException(setting, entry, shownValue, reason, false, cause);
  }

  /** Nothing verifies pushes, and {@link Setting#ALLOW_UNVERIFIED} does not say so; {@code cause} is the receiver's refusal. */
  static InvalidSettingException missingVerification(Throwable cause) {
    return new InvalidSettingException(Setting.ALLOW_UNVERIFIED, null, false, cause.getMessage(), true, cause);
  }

  /** The setting refused. */
  public Setting setting() {
    return setting;
  }

  /** The entry of the setting refused (a Basic user's name), or null. */
  public String entry() {
    return entry;
  }

  /** The refused value as it may be shown: {@link EndpointSettings#HIDDEN} for a secret. */
  public String shownValue() {
    return shownValue;
  }

  /** Why it is refused. */
  public String reason() {
    return reason;
  }

  /**
   * Whether it is refused because nothing verifies pushes and allow-unverified was not set; else, with
   * {@link Setting#ALLOW_UNVERIFIED}, allow-unverified was set together with verification settings.
   */
  public boolean isMissingVerification() {
    return missingVerification;
  }
}

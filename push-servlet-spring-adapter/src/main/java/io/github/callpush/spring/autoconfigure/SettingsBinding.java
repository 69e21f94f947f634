package io.github.callpush.spring.autoconfigure;

import io.github.callpush.EndpointSettings;
import io.github.callpush.EndpointSettings.Setting;
import io.github.callpush.InvalidSettingException;
import io.github.callpush.spring.autoconfigure.CallpushProperties.DeadLetters;
import io.github.callpush.spring.autoconfigure.CallpushProperties.Dedup;
import io.github.callpush.spring.autoconfigure.CallpushProperties.Verification;
import java.util.function.Supplier;

/**
 * Binds the {@code callpush.*} properties to {@link EndpointSettings}, which holds the rules and the
 * defaults, and reports what it refuses as an {@link InvalidProperty} naming the property.
 */
final class SettingsBinding {

  private SettingsBinding() {}

  /** The settings the properties describe. */
  static EndpointSettings settings(CallpushProperties properties) {
    Verification verification = properties.getVerification();
    Dedup dedup = properties.getDedup();
    DeadLetters deadLetters = properties.getDeadLetters();
    EndpointSettings.Builder settings = EndpointSettings.builder()
        .tokens(verification.getTokens())
        .tokenParameter(verification.getTokenParameter())
        .tokenHeader(verification.getTokenHeader())
        .hmacSecrets(verification.getHmacSecrets())
        .hmacTolerance(verification.getHmacTolerance())
        .basicUsers(verification.getBasicUsers())
        .ipAllowlist(verification.getIpAllowlist())
        .trustedProxies(verification.getTrustedProxies())
        .allowUnverified(verification.isAllowUnverified())
        .maxBodyBytes(properties.getMaxBodySize().toBytes())
        .ackBody(properties.getAckBody())
        .timeZone(properties.getTimeZone())
        .ackDeadline(properties.getAckDeadline())
        .retryAfter(properties.getRetryAfter())
        .failOpen(properties.isFailOpen())
        .logPhoneNumbers(properties.isLogPhoneNumbers())
        .lease(dedup.getLease())
        .retention(dedup.getRetention())
        .sweepInterval(dedup.getSweepInterval());
    if (deadLetters.getDirectory() != null) {
      settings.deadLetterDirectory(deadLetters.getDirectory()).deadLetterMaximum(deadLetters.getMaximum());
    }
    return bound(settings::build);
  }

  /** What {@code step} of the settings gives; a setting it refuses becomes an {@link InvalidProperty}. */
  static <T> T bound(Supplier<T> step) {
    try {
      return step.get();
    } catch (InvalidSettingException refused) {
      throw invalid(refused);
    }
  }

  /** The property of each setting. */
  static String property(Setting setting) {
    return switch (setting) {
      case TOKENS, TOKEN_PARAMETER, TOKEN_HEADER, HMAC_SECRETS, HMAC_TOLERANCE, BASIC_USERS, IP_ALLOWLIST,
          TRUSTED_PROXIES, ALLOW_UNVERIFIED -> "callpush.verification." + setting.kebabName();
      case MAX_BODY_BYTES -> "callpush.max-body-size";
      case ACK_BODY, TIME_ZONE, ACK_DEADLINE, RETRY_AFTER, FAIL_OPEN, LOG_PHONE_NUMBERS ->
          "callpush." + setting.kebabName();
      case LEASE, RETENTION, SWEEP_INTERVAL -> "callpush.dedup." + setting.kebabName();
      case DEDUP_STORE -> "callpush.dedup.type";
      case DEAD_LETTER_DIRECTORY -> "callpush.dead-letters.directory";
      case DEAD_LETTER_MAXIMUM -> "callpush.dead-letters.maximum";
      case FORWARD -> "callpush.forward.url";
    };
  }

  private static InvalidProperty invalid(InvalidSettingException refused) {
    if (refused.isMissingVerification()) {
      return InvalidProperty.noVerification(refused);
    }
    if (refused.setting() == Setting.ALLOW_UNVERIFIED) {
      return InvalidProperty.unverifiedAndVerified();
    }
    return InvalidProperty.of(property(refused.setting()) + (refused.entry() == null ? "" : "." + refused.entry()),
        refused.shownValue(), refused.reason(), refused);
  }
}

package io.github.callpush.spring.autoconfigure;

import io.github.callpush.internal.VerifierSettings;
import io.github.callpush.spring.autoconfigure.CallpushProperties.Verification;
import io.github.callpush.verify.PushVerifier;

/**
 * Builds the verifier the {@code callpush.verification.*} properties describe (all of them must pass),
 * by the same rules as {@code web.xml}'s init-params; a refused value names its property.
 */
final class Verifiers {

  private static final String PREFIX = "callpush.verification.";

  private Verifiers() {}

  /** The verifier, or null when none is configured. */
  static PushVerifier of(Verification settings) {
    return new VerifierSettings(settings.getIpAllowlist(), settings.getTrustedProxies(), settings.getTokens(),
        settings.getTokenParameter(), settings.getTokenHeader(), settings.getHmacSecrets(),
        settings.getHmacTolerance(), settings.getBasicUsers())
        .verifier((setting, entry, shown, reason, cause) -> InvalidProperty.of(
            PREFIX + setting.kebabName() + (entry == null ? "" : "." + entry), shown, reason, cause));
  }
}

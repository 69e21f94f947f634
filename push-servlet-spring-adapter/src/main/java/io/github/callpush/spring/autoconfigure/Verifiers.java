package io.github.callpush.spring.autoconfigure;

import io.github.callpush.spring.autoconfigure.CallpushProperties.Verification;
import io.github.callpush.verify.BasicAuthVerifier;
import io.github.callpush.verify.IpAllowlistVerifier;
import io.github.callpush.verify.PushVerifier;
import io.github.callpush.verify.StandardWebhookVerifier;
import io.github.callpush.verify.TokenVerifier;
import java.util.ArrayList;
import java.util.List;

/** Builds the verifier the {@code callpush.verification.*} properties describe: all of them must pass. */
final class Verifiers {

  private static final String PREFIX = "callpush.verification.";

  private Verifiers() {}

  /** The verifier, or null when none is configured. */
  static PushVerifier of(Verification settings) {
    List<PushVerifier> verifiers = new ArrayList<>();
    if (!settings.getIpAllowlist().isEmpty()) {
      IpAllowlistVerifier.Builder ip = IpAllowlistVerifier.builder();
      settings.getIpAllowlist().forEach(cidr -> InvalidProperty.apply(PREFIX + "ip-allowlist", cidr, () -> ip.allow(cidr)));
      settings.getTrustedProxies().forEach(cidr ->
          InvalidProperty.apply(PREFIX + "trusted-proxies", cidr, () -> ip.trustedProxy(cidr)));
      verifiers.add(ip.build());
    } else if (!settings.getTrustedProxies().isEmpty()) {
      throw InvalidProperty.of(PREFIX + "trusted-proxies", settings.getTrustedProxies(),
          "trusted proxies only matter with an ip-allowlist, and none is set");
    }
    if (!settings.getTokens().isEmpty()) {
      TokenVerifier.Builder token = TokenVerifier.builder();
      settings.getTokens().forEach(value ->
          InvalidProperty.apply(PREFIX + "tokens", InvalidProperty.HIDDEN, () -> token.token(value)));
      if (settings.getTokenParameter() != null) {
        InvalidProperty.apply(PREFIX + "token-parameter", settings.getTokenParameter(),
            () -> token.queryParameter(settings.getTokenParameter()));
      }
      if (settings.getTokenHeader() != null) {
        InvalidProperty.apply(PREFIX + "token-header", settings.getTokenHeader(),
            () -> token.header(settings.getTokenHeader()));
      }
      verifiers.add(token.build());
    } else if (settings.getTokenParameter() != null || settings.getTokenHeader() != null) {
      throw InvalidProperty.of(PREFIX + "tokens", "", "a token parameter or header is set but no token");
    }
    if (!settings.getHmacSecrets().isEmpty()) {
      StandardWebhookVerifier.Builder hmac = StandardWebhookVerifier.builder();
      settings.getHmacSecrets().forEach(secret ->
          InvalidProperty.apply(PREFIX + "hmac-secrets", InvalidProperty.HIDDEN, () -> hmac.secret(secret)));
      InvalidProperty.apply(PREFIX + "hmac-tolerance", settings.getHmacTolerance(),
          () -> hmac.tolerance(settings.getHmacTolerance()));
      verifiers.add(hmac.build());
    }
    if (!settings.getBasicUsers().isEmpty()) {
      BasicAuthVerifier.Builder basic = BasicAuthVerifier.builder();
      settings.getBasicUsers().forEach((user, password) ->
          InvalidProperty.apply(PREFIX + "basic-users." + user, InvalidProperty.HIDDEN, () -> basic.user(user, password)));
      verifiers.add(basic.build());
    }
    return verifiers.isEmpty() ? null : PushVerifier.allOf(verifiers.toArray(PushVerifier[]::new));
  }
}

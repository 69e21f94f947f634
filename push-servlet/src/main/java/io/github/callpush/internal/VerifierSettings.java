package io.github.callpush.internal;

import io.github.callpush.verify.BasicAuthVerifier;
import io.github.callpush.verify.IpAllowlistVerifier;
import io.github.callpush.verify.PushVerifier;
import io.github.callpush.verify.StandardWebhookVerifier;
import io.github.callpush.verify.TokenVerifier;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verification settings that {@code web.xml}'s init-params and Spring's
 * {@code callpush.verification.*} properties both offer, and the one place that turns them into a
 * verifier, so that both follow the same rules: every configured check must pass, and a setting that
 * would do nothing (trusted proxies without an allowlist, a token parameter without a token) is refused.
 * Each source reads its own values and names its own settings in errors, through a {@link Refusal}.
 *
 * @param ipAllowlist addresses or CIDR blocks allowed to push
 * @param trustedProxies proxies trusted to name the client in {@code X-Forwarded-For} or {@code Forwarded}
 * @param tokens shared tokens, any of which is accepted
 * @param tokenParameter the query parameter carrying the token, or null
 * @param tokenHeader the header carrying the token, or null
 * @param hmacSecrets Standard Webhooks signing secrets
 * @param hmacTolerance how far a signature's timestamp may lie from now, or null for the verifier's default
 * @param basicUsers HTTP Basic users and their passwords
 */
public record VerifierSettings(
    List<String> ipAllowlist,
    List<String> trustedProxies,
    List<String> tokens,
    String tokenParameter,
    String tokenHeader,
    List<String> hmacSecrets,
    Duration hmacTolerance,
    Map<String, String> basicUsers) {

  /** Shown instead of a secret's value. */
  public static final String HIDDEN = "******";

  /** A verification setting. */
  public enum Setting {
    IP_ALLOWLIST, TRUSTED_PROXIES, TOKENS, TOKEN_PARAMETER, TOKEN_HEADER, HMAC_SECRETS, HMAC_TOLERANCE, BASIC_USERS;

    /** Its name in kebab case ({@code ip-allowlist}), which a source may spell its own way. */
    public String kebabName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  /** How a source reports a setting it cannot accept: an exception that names the setting its own way. */
  @FunctionalInterface
  public interface Refusal {

    /**
     * The exception to throw.
     *
     * @param setting the setting refused
     * @param entry the entry within it (a Basic user's name), or null
     * @param shown the refused value, {@link #HIDDEN} for a secret
     * @param reason why it is refused
     * @param cause what refused it, or null
     */
    RuntimeException refuse(Setting setting, String entry, Object shown, String reason, Throwable cause);
  }

  /** Copies the collections, so that later changes to the source's own do not reach a built verifier. */
  public VerifierSettings {
    ipAllowlist = List.copyOf(ipAllowlist);
    trustedProxies = List.copyOf(trustedProxies);
    tokens = List.copyOf(tokens);
    hmacSecrets = List.copyOf(hmacSecrets);
    basicUsers = Collections.unmodifiableMap(new LinkedHashMap<>(basicUsers));
  }

  /** The verifier these settings describe (all of its checks must pass), or null when none is configured. */
  public PushVerifier verifier(Refusal refusal) {
    List<PushVerifier> verifiers = new ArrayList<>();
    if (!ipAllowlist.isEmpty()) {
      IpAllowlistVerifier.Builder ip = IpAllowlistVerifier.builder();
      ipAllowlist.forEach(cidr -> apply(refusal, Setting.IP_ALLOWLIST, null, cidr, () -> ip.allow(cidr)));
      trustedProxies.forEach(cidr -> apply(refusal, Setting.TRUSTED_PROXIES, null, cidr, () -> ip.trustedProxy(cidr)));
      verifiers.add(ip.build());
    } else if (!trustedProxies.isEmpty()) {
      throw refusal.refuse(Setting.TRUSTED_PROXIES, null, String.join(",", trustedProxies),
          "trusted proxies only matter with an ip-allowlist, and none is set", null);
    }
    if (!tokens.isEmpty()) {
      TokenVerifier.Builder token = TokenVerifier.builder();
      tokens.forEach(value -> apply(refusal, Setting.TOKENS, null, HIDDEN, () -> token.token(value)));
      if (tokenParameter != null) {
        apply(refusal, Setting.TOKEN_PARAMETER, null, tokenParameter, () -> token.queryParameter(tokenParameter));
      }
      if (tokenHeader != null) {
        apply(refusal, Setting.TOKEN_HEADER, null, tokenHeader, () -> token.header(tokenHeader));
      }
      verifiers.add(token.build());
    } else if (tokenParameter != null || tokenHeader != null) {
      throw refusal.refuse(Setting.TOKENS, null, "", "a token parameter or header is set but no token", null);
    }
    if (!hmacSecrets.isEmpty()) {
      StandardWebhookVerifier.Builder hmac = StandardWebhookVerifier.builder();
      hmacSecrets.forEach(secret -> apply(refusal, Setting.HMAC_SECRETS, null, HIDDEN, () -> hmac.secret(secret)));
      if (hmacTolerance != null) {
        apply(refusal, Setting.HMAC_TOLERANCE, null, hmacTolerance, () -> hmac.tolerance(hmacTolerance));
      }
      verifiers.add(hmac.build());
    }
    if (!basicUsers.isEmpty()) {
      BasicAuthVerifier.Builder basic = BasicAuthVerifier.builder();
      basicUsers.forEach((user, password) ->
          apply(refusal, Setting.BASIC_USERS, user, HIDDEN, () -> basic.user(user, password)));
      verifiers.add(basic.build());
    }
    return verifiers.isEmpty() ? null : PushVerifier.allOf(verifiers.toArray(PushVerifier[]::new));
  }

  /** Runs {@code apply}; what the verifier's builder refuses becomes the source's own error. */
  private static void apply(Refusal refusal, Setting setting, String entry, Object shown, Runnable apply) {
    try {
      apply.run();
    } catch (IllegalArgumentException | IllegalStateException | DateTimeException refused) {
      throw refusal.refuse(setting, entry, shown, refused.getMessage(), refused);
    }
  }
}

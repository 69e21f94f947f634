package io.github.callpush.verify;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a push the Standard Webhooks way: HMAC-SHA256 over {@code id.timestamp.body}, the raw body
 * bytes, giving {@code v1,<base64>}. The same code checks signatures in {@link
 * StandardWebhookVerifier} and makes them in test fixtures. Immutable and thread-safe.
 */
public final class WebhookSigner {

  /** The prefix of a secret written as text: {@code whsec_} and the key in base64. */
  public static final String SECRET_PREFIX = "whsec_";

  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;

  private WebhookSigner(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /** A signer for a secret written as {@code whsec_<base64>}. */
  public static WebhookSigner of(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (!secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("secret must start with " + SECRET_PREFIX + " (or pass the raw key bytes)");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("secret must be " + SECRET_PREFIX + " followed by base64", notBase64);
    }
    return of(key);
  }

  /** A signer for a raw key; the bytes are copied. */
  public static WebhookSigner of(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length == 0) {
      throw new IllegalArgumentException("secret must not be empty");
    }
    return new WebhookSigner(key);
  }

  /** The {@code webhook-signature} entry {@code v1,<base64>} for a message id, unix time in seconds and raw body. */
  public String sign(String msgId, long timestampSeconds, byte[] body) {
    Objects.requireNonNull(msgId, "msgId");
    Objects.requireNonNull(body, "body");
    if (timestampSeconds < 0) {
      throw new IllegalArgumentException("timestampSeconds must not be negative but was " + timestampSeconds);
    }
    return "v1," + Base64.getEncoder().encodeToString(mac(msgId, timestampSeconds, body));
  }

  /** The raw HMAC-SHA256 of {@code msgId.timestampSeconds.body}. */
  byte[] mac(String msgId, long timestampSeconds, byte[] body) {
    Mac mac = newMac();
    mac.update((msgId + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
    return mac.doFinal(body);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException required) {
      throw new IllegalStateException("every Java platform provides " + ALGORITHM, required);
    }
  }
}

package io.github.callpush.verify;

import io.github.callpush.PushRequest;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Accepts a request signed the Standard Webhooks way (headers {@code webhook-id}, {@code
 * webhook-timestamp}, {@code webhook-signature}) with one of the configured secrets, sent no further
 * from now than the tolerance in either direction. Malformed headers give a 401, never an
 * exception. Immutable and thread-safe.
 */
public final class StandardWebhookVerifier implements PushVerifier {

  /** The header with the message id. */
  public static final String ID_HEADER = "webhook-id";

  /** The header with the unix time of sending, in seconds. */
  public static final String TIMESTAMP_HEADER = "webhook-timestamp";

  /** The header with the space-separated signatures, such as {@code v1,<base64>}. */
  public static final String SIGNATURE_HEADER = "webhook-signature";

  /** How far the timestamp may lie from now, either way, unless configured otherwise. */
  public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

  /** Longer digit strings might overflow a long; no real timestamp comes near. */
  private static final int MAX_TIMESTAMP_DIGITS = 18;

  private final List<WebhookSigner> signers;
  private final Duration tolerance;
  private final Clock clock;

  private StandardWebhookVerifier(Builder builder) {
    this.signers = List.copyOf(builder.signers);
    this.tolerance = builder.tolerance;
    this.clock = builder.clock;
  }

  /** A builder with no secret, the default tolerance and the system clock. */
  public static Builder builder() {
    return new Builder();
  }

  /** What it checks, without the secrets: {@code Standard Webhooks signature (1 secret, tolerance 300 s)}. */
  @Override
  public String toString() {
    return "Standard Webhooks signature (" + signers.size() + (signers.size() == 1 ? " secret" : " secrets")
        + ", tolerance " + tolerance.toSeconds() + " s)";
  }

  /** Accepts when a {@code v1} signature matches a secret and the timestamp is within tolerance; else 401. */
  @Override
  public Verification verify(PushRequest request) {
    String msgId = request.header(ID_HEADER);
    String timestamp = request.header(TIMESTAMP_HEADER);
    List<String> signatures = request.headers(SIGNATURE_HEADER);
    String missing = isEmpty(msgId) ? ID_HEADER
        : isEmpty(timestamp) ? TIMESTAMP_HEADER
        : signatures.stream().allMatch(StandardWebhookVerifier::isEmpty) ? SIGNATURE_HEADER
        : null;
    if (missing != null) {
      return Verification.unauthorized("missing header " + missing);
    }
    long seconds = seconds(timestamp);
    if (seconds < 0 || !withinTolerance(seconds)) {
      return Verification.unauthorized("timestamp outside tolerance");
    }
    List<byte[]> presented = v1Signatures(signatures);
    boolean match = false;
    for (WebhookSigner signer : signers) {
      byte[] expected = signer.mac(msgId, seconds, request.body());
      for (byte[] candidate : presented) {
        match |= MessageDigest.isEqual(expected, candidate);
      }
    }
    return match ? Verification.ok() : Verification.unauthorized("invalid signature");
  }

  private static boolean isEmpty(String value) {
    return value == null || value.isBlank();
  }

  /** Unix seconds written in plain decimal digits, else -1. */
  private static long seconds(String timestamp) {
    String digits = timestamp.trim();
    if (digits.length() > MAX_TIMESTAMP_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Long.parseLong(digits);
  }

  private boolean withinTolerance(long seconds) {
    if (seconds > Instant.MAX.getEpochSecond()) {
      return false;
    }
    Duration skew = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
    return skew.compareTo(tolerance) <= 0;
  }

  /** The decoded {@code v1} entries of every signature header; other versions and bad base64 are skipped. */
  private static List<byte[]> v1Signatures(List<String> headerValues) {
    List<byte[]> signatures = new ArrayList<>();
    for (String value : headerValues) {
      for (String entry : value.trim().split(" +")) {
        if (entry.startsWith("v1,")) {
          try {
            signatures.add(Base64.getDecoder().decode(entry.substring(3)));
          } catch (IllegalArgumentException notBase64) {
            // an entry we cannot read matches no secret
          }
        }
      }
    }
    return signatures;
  }

  /** Settings of a {@link StandardWebhookVerifier}; each setter checks its value at once. */
  public static final class Builder {

    private final List<WebhookSigner> signers = new ArrayList<>();
    private Duration tolerance = DEFAULT_TOLERANCE;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /** Adds a secret written as {@code whsec_<base64>}; call again for each secret valid during a rotation. */
    public Builder secret(String secret) {
      signers.add(WebhookSigner.of(secret));
      return this;
    }

    /** Adds a secret given as raw key bytes (copied); call again for each secret valid during a rotation. */
    public Builder secret(byte[] key) {
      signers.add(WebhookSigner.of(key));
      return this;
    }

    /** How far the timestamp may lie from now, in the past or the future; default 5 minutes. */
    public Builder tolerance(Duration tolerance) {
      Objects.requireNonNull(tolerance, "tolerance");
      if (tolerance.isNegative() || tolerance.isZero()) {
        throw new IllegalArgumentException("tolerance must be positive but was " + tolerance);
      }
      this.tolerance = tolerance;
      return this;
    }

    /** The clock that says what now is; default the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * A verifier with these settings.
     *
     * @throws IllegalStateException when no secret was set
     */
    public StandardWebhookVerifier build() {
      if (signers.isEmpty()) {
        throw new IllegalStateException("secret must be set at least once");
      }
      return new StandardWebhookVerifier(this);
    }
  }
}

package io.github.callpush.verify;

import static io.github.callpush.verify.WebhookSignerTest.SPEC_MSG_ID;
import static io.github.callpush.verify.WebhookSignerTest.SPEC_PAYLOAD;
import static io.github.callpush.verify.WebhookSignerTest.SPEC_SECRET;
import static io.github.callpush.verify.WebhookSignerTest.SPEC_SIGNATURE;
import static io.github.callpush.verify.WebhookSignerTest.SPEC_TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.PushRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StandardWebhookVerifierTest {

  private static final long NOW = SPEC_TIMESTAMP;
  private static final String OTHER_SECRET = "whsec_" + "c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=";

  private final StandardWebhookVerifier verifier = verifier(SPEC_SECRET);

  private static StandardWebhookVerifier verifier(String... secrets) {
    StandardWebhookVerifier.Builder builder = StandardWebhookVerifier.builder()
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    for (String secret : secrets) {
      builder.secret(secret);
    }
    return builder.build();
  }

  private static PushRequest request(String timestamp, String signature) {
    return PushRequest.builder()
        .header("webhook-id", SPEC_MSG_ID)
        .header("webhook-timestamp", timestamp)
        .header("webhook-signature", signature)
        .body(SPEC_PAYLOAD)
        .build();
  }

  /** A request for the spec's message, sent {@code offset} seconds from now and signed with {@code secret}. */
  private static PushRequest signed(String secret, long offset) {
    long timestamp = NOW + offset;
    return request(Long.toString(timestamp), WebhookSigner.of(secret).sign(SPEC_MSG_ID, timestamp, SPEC_PAYLOAD));
  }

  @Test
  void specTestVectorVerifies() {
    assertThat(verifier.verify(request("1614265330", SPEC_SIGNATURE))).isEqualTo(Verification.ok());
  }

  @Test
  void headerNamesIgnoreCase() {
    PushRequest shouting = PushRequest.builder()
        .header("Webhook-Id", SPEC_MSG_ID)
        .header("WEBHOOK-TIMESTAMP", "1614265330")
        .header("Webhook-Signature", SPEC_SIGNATURE)
        .body(SPEC_PAYLOAD)
        .build();

    assertThat(verifier.verify(shouting)).isEqualTo(Verification.ok());
  }

  @Test
  void tamperedBodyIsUnauthorized() {
    PushRequest tampered = PushRequest.builder()
        .header("webhook-id", SPEC_MSG_ID)
        .header("webhook-timestamp", "1614265330")
        .header("webhook-signature", SPEC_SIGNATURE)
        .body("{\"test\": 2432232315}".getBytes(StandardCharsets.UTF_8))
        .build();

    assertThat(verifier.verify(tampered)).isEqualTo(Verification.unauthorized("invalid signature"));
  }

  @Test
  void rotatedSecretStillVerifies() {
    StandardWebhookVerifier rotating = verifier(OTHER_SECRET, SPEC_SECRET);

    assertThat(rotating.verify(signed(SPEC_SECRET, 0))).isEqualTo(Verification.ok());
    assertThat(rotating.verify(signed(OTHER_SECRET, 0))).isEqualTo(Verification.ok());
    assertThat(verifier.verify(signed(OTHER_SECRET, 0))).isEqualTo(Verification.unauthorized("invalid signature"));
  }

  @Test
  void rawKeySecretVerifies() {
    StandardWebhookVerifier raw = StandardWebhookVerifier.builder()
        .secret(Base64.getDecoder().decode(SPEC_SECRET.substring(6)))
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
        .build();

    assertThat(raw.verify(request("1614265330", SPEC_SIGNATURE))).isEqualTo(Verification.ok());
  }

  @Test
  void matchingV1EntryAmongOtherVersionsAndEntriesVerifies() {
    String list = "v1a,c2lnbmF0dXJl v2,whatever  v1,AAAA " + SPEC_SIGNATURE + " v1,!!";

    assertThat(verifier.verify(request("1614265330", list))).isEqualTo(Verification.ok());
  }

  @Test
  void timestampExactlyAtTheToleranceIsAcceptedEitherWay() {
    assertThat(verifier.verify(signed(SPEC_SECRET, -300))).isEqualTo(Verification.ok());
    assertThat(verifier.verify(signed(SPEC_SECRET, 300))).isEqualTo(Verification.ok());
  }

  @Test
  void staleTimestampOneSecondPastTheToleranceIsUnauthorized() {
    assertThat(verifier.verify(signed(SPEC_SECRET, -301)))
        .isEqualTo(Verification.unauthorized("timestamp outside tolerance"));
  }

  @Test
  void futureTimestampOneSecondPastTheToleranceIsUnauthorized() {
    assertThat(verifier.verify(signed(SPEC_SECRET, 301)))
        .isEqualTo(Verification.unauthorized("timestamp outside tolerance"));
  }

  @Test
  void configuredToleranceMovesTheBoundary() {
    StandardWebhookVerifier strict = StandardWebhookVerifier.builder()
        .secret(SPEC_SECRET)
        .tolerance(Duration.ofSeconds(30))
        .clock(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC))
        .build();

    assertThat(strict.verify(signed(SPEC_SECRET, -30))).isEqualTo(Verification.ok());
    assertThat(strict.verify(signed(SPEC_SECRET, 31))).isEqualTo(Verification.unauthorized("timestamp outside tolerance"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"webhook-id", "webhook-timestamp", "webhook-signature"})
  void missingHeaderIsUnauthorizedNamingIt(String missing) {
    PushRequest.Builder builder = PushRequest.builder().body(SPEC_PAYLOAD);
    for (String name : new String[] {"webhook-id", "webhook-timestamp", "webhook-signature"}) {
      builder.header(name, name.equals(missing) ? " " : name.equals("webhook-timestamp") ? "1614265330" : SPEC_SIGNATURE);
    }

    assertThat(verifier.verify(builder.build())).isEqualTo(Verification.unauthorized("missing header " + missing));
    assertThat(verifier.verify(PushRequest.builder().body(SPEC_PAYLOAD).build()))
        .isEqualTo(Verification.unauthorized("missing header webhook-id"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "-1614265330", "+1614265330", "1614265330.5", "1.6e9", "0x60380a72",
      "９９", "999999999999999999", "9223372036854775807", "99999999999999999999999999999999", "0"})
  void malformedOrOutlandishTimestampIsUnauthorized(String timestamp) {
    assertThat(verifier.verify(request(timestamp, SPEC_SIGNATURE)))
        .isEqualTo(Verification.unauthorized("timestamp outside tolerance"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1,g0hN9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
      "v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "V1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
      "v1,g0hM9SsE-OTPJTGt_tmIKtSyZlE3uFJELVlNIOLJ1OE=", "v1,g0hM9SsE+OTPJTGt", "v1,", "v1",
      "v1,!!!not-base64!!!", ",", "garbage", "v1,="})
  void wrongOrMalformedSignatureIsUnauthorized(String signature) {
    assertThat(verifier.verify(request("1614265330", signature)))
        .isEqualTo(Verification.unauthorized("invalid signature"));
  }

  @Test
  void hugeSignatureHeaderIsUnauthorized() {
    String huge = "v1,AAAA ".repeat(10_000) + "v1," + "A".repeat(100_000);

    assertThat(verifier.verify(request("1614265330", huge)))
        .isEqualTo(Verification.unauthorized("invalid signature"));
  }

  @Test
  void builderNamesTheSettingItRejects() {
    assertThatThrownBy(() -> StandardWebhookVerifier.builder().tolerance(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be positive but was PT0S");
    assertThatThrownBy(() -> StandardWebhookVerifier.builder().tolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tolerance must be positive but was PT-1S");
    assertThatThrownBy(() -> StandardWebhookVerifier.builder().secret("plain"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("secret must start with whsec_");
    assertThatThrownBy(() -> StandardWebhookVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("secret must be set at least once");
  }
}

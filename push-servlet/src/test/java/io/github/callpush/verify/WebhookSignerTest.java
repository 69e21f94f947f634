package io.github.callpush.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  static final String SPEC_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String SPEC_MSG_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final long SPEC_TIMESTAMP = 1614265330L;
  static final byte[] SPEC_PAYLOAD = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
  static final String SPEC_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  @Test
  void signsTheStandardWebhooksTestVector() {
    assertThat(WebhookSigner.of(SPEC_SECRET).sign(SPEC_MSG_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD))
        .isEqualTo(SPEC_SIGNATURE);
  }

  @Test
  void rawKeySignsLikeItsWhsecForm() {
    byte[] key = Base64.getDecoder().decode(SPEC_SECRET.substring("whsec_".length()));

    assertThat(WebhookSigner.of(key).sign(SPEC_MSG_ID, SPEC_TIMESTAMP, SPEC_PAYLOAD)).isEqualTo(SPEC_SIGNATURE);
  }

  @Test
  void signatureCoversEveryRawByteOfTheBody() {
    WebhookSigner signer = WebhookSigner.of(SPEC_SECRET);
    byte[] reencoded = "{\"test\":2432232314}".getBytes(StandardCharsets.UTF_8);

    assertThat(signer.sign(SPEC_MSG_ID, SPEC_TIMESTAMP, reencoded)).isNotEqualTo(SPEC_SIGNATURE);
    assertThat(signer.sign(SPEC_MSG_ID, SPEC_TIMESTAMP + 1, SPEC_PAYLOAD)).isNotEqualTo(SPEC_SIGNATURE);
    assertThat(signer.sign(SPEC_MSG_ID + "x", SPEC_TIMESTAMP, SPEC_PAYLOAD)).isNotEqualTo(SPEC_SIGNATURE);
  }

  @Test
  void rejectsSecretsItCannotUseWithoutEchoingThem() {
    assertThatThrownBy(() -> WebhookSigner.of("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret must start with whsec_ (or pass the raw key bytes)");
    assertThatThrownBy(() -> WebhookSigner.of("whsec_not base64!"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret must be whsec_ followed by base64")
        .hasCauseInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WebhookSigner.of("whsec_"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret must not be empty");
    assertThatThrownBy(() -> WebhookSigner.of(new byte[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("secret must not be empty");
  }

  @Test
  void rejectsNegativeTimestamp() {
    assertThatThrownBy(() -> WebhookSigner.of(SPEC_SECRET).sign(SPEC_MSG_ID, -1, SPEC_PAYLOAD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timestampSeconds must not be negative but was -1");
  }
}

package io.github.callpush.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.PushRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BasicAuthVerifierTest {

  private final BasicAuthVerifier verifier = BasicAuthVerifier.builder().user("platform", "pa:ss w0rd").build();

  private static PushRequest authorized(String authorization) {
    return PushRequest.builder().header("Authorization", authorization).build();
  }

  private static String basic(String userPass) {
    return "Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void matchingCredentialsAreAccepted() {
    assertThat(verifier.verify(authorized(basic("platform:pa:ss w0rd")))).isEqualTo(Verification.ok());
  }

  @Test
  void schemeIgnoresCase() {
    assertThat(verifier.verify(authorized(basic("platform:pa:ss w0rd").replace("Basic", "bAsIc"))))
        .isEqualTo(Verification.ok());
  }

  @Test
  void wrongCredentialsAreUnauthorized() {
    for (String wrong : new String[] {"platform:pa:ss w0rd ", "platform:pa:ss", "Platform:pa:ss w0rd",
        "other:pa:ss w0rd", "platform:", ":", "platform:pa:ss w0rd\u0000"}) {
      assertThat(verifier.verify(authorized(basic(wrong))))
          .as(wrong)
          .isEqualTo(Verification.unauthorized("invalid credentials", "Basic realm=\"callpush\", charset=\"UTF-8\""));
    }
  }

  @Test
  void missingCredentialsAreUnauthorized() {
    assertThat(verifier.verify(PushRequest.builder().build()))
        .isEqualTo(Verification.unauthorized("missing credentials", "Basic realm=\"callpush\", charset=\"UTF-8\""));
    assertThat(verifier.verify(authorized("Bearer cGxhdGZvcm06cGFzcw==")))
        .isEqualTo(Verification.unauthorized("missing credentials", "Basic realm=\"callpush\", charset=\"UTF-8\""));
    assertThat(verifier.verify(authorized("Basic ")))
        .isEqualTo(Verification.unauthorized("missing credentials", "Basic realm=\"callpush\", charset=\"UTF-8\""));
    assertThat(verifier.verify(authorized("BasicX cGxhdGZvcm06cGFzcw==")))
        .isEqualTo(Verification.unauthorized("missing credentials", "Basic realm=\"callpush\", charset=\"UTF-8\""));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic !!!", "Basic cGxhdGZvcm06cGFzcw=", "Basic cGxhdGZvcm06 cGFzcw==", "Basic ====",
      "Basic cGxhdGZvcm0=", "Basic " + "\u00e9\u00e9\u00e9\u00e9"})
  void malformedCredentialsAreUnauthorized(String authorization) {
    assertThat(verifier.verify(authorized(authorization)))
        .isEqualTo(Verification.unauthorized("malformed credentials", "Basic realm=\"callpush\", charset=\"UTF-8\""));
  }

  @Test
  void rotatedUserStillVerifies() {
    BasicAuthVerifier rotating = BasicAuthVerifier.builder().user("old", "one").user("new", "twö").build();

    assertThat(rotating.verify(authorized(basic("old:one")))).isEqualTo(Verification.ok());
    assertThat(rotating.verify(authorized(basic("new:twö")))).isEqualTo(Verification.ok());
    assertThat(rotating.verify(authorized(basic("old:twö")))).isEqualTo(Verification.unauthorized("invalid credentials", "Basic realm=\"callpush\", charset=\"UTF-8\""));
  }

  @Test
  void builderNamesTheSettingItRejectsWithoutEchoingThePassword() {
    assertThatThrownBy(() -> BasicAuthVerifier.builder().user("a:b", "secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("username must be non-empty and without ':' but was \"a:b\"");
    assertThatThrownBy(() -> BasicAuthVerifier.builder().user("", "secret"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("username must be non-empty and without ':' but was \"\"");
    assertThatThrownBy(() -> BasicAuthVerifier.builder().user("platform", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("password must not be blank");
    assertThatThrownBy(() -> BasicAuthVerifier.builder().user("platform", "pre-${PUSH_PASSWORD}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("password is an unresolved ${...} placeholder: set the variable it names");
    assertThatThrownBy(() -> BasicAuthVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("user must be set at least once");
  }
}

package io.github.callpush.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.PushRequest;
import org.junit.jupiter.api.Test;

class TokenVerifierTest {

  private static final TokenVerifier QUERY = TokenVerifier.builder().token("s3cret").build();

  @Test
  void tokenInDefaultQueryParameterIsAccepted() {
    assertThat(QUERY.verify(PushRequest.builder().queryString("token=s3cret").build()))
        .isEqualTo(Verification.ok());
  }

  @Test
  void missingTokenIsUnauthorized() {
    assertThat(QUERY.verify(PushRequest.builder().build()))
        .isEqualTo(Verification.unauthorized("missing token"));
    assertThat(QUERY.verify(PushRequest.builder().queryString("token=").build()))
        .isEqualTo(Verification.unauthorized("missing token"));
  }

  @Test
  void wrongTokenIsUnauthorized() {
    for (String wrong : new String[] {"s3cre", "s3cret2", "S3CRET", "s3cret "}) {
      assertThat(QUERY.verify(PushRequest.builder().queryParameter("token", wrong).build()))
          .as(wrong)
          .isEqualTo(Verification.unauthorized("invalid token"));
    }
  }

  @Test
  void headerIsReadOnlyWhenConfigured() {
    PushRequest inHeader = PushRequest.builder().header("x-callpush-token", "s3cret").build();
    TokenVerifier header = TokenVerifier.builder().header("X-Callpush-Token").token("s3cret").build();

    assertThat(header.verify(inHeader)).isEqualTo(Verification.ok());
    assertThat(QUERY.verify(inHeader)).isEqualTo(Verification.unauthorized("missing token"));
  }

  @Test
  void configuringAHeaderReplacesTheDefaultQueryParameter() {
    TokenVerifier header = TokenVerifier.builder().header("X-Callpush-Token").token("s3cret").build();

    assertThat(header.verify(PushRequest.builder().queryString("token=s3cret").build()))
        .isEqualTo(Verification.unauthorized("missing token"));
  }

  @Test
  void eitherPlaceIsAcceptedWhenBothAreConfigured() {
    TokenVerifier both = TokenVerifier.builder()
        .queryParameter("key").header("X-Callpush-Token").token("s3cret").build();

    assertThat(both.verify(PushRequest.builder().queryString("key=s3cret").build())).isEqualTo(Verification.ok());
    assertThat(both.verify(PushRequest.builder().header("X-Callpush-Token", "s3cret").build()))
        .isEqualTo(Verification.ok());
    assertThat(both.verify(PushRequest.builder().queryString("key=nope").header("X-Callpush-Token", "nope").build()))
        .isEqualTo(Verification.unauthorized("invalid token"));
  }

  @Test
  void rotatedTokenStillVerifies() {
    TokenVerifier rotating = TokenVerifier.builder().token("old-token").token("new-token").build();

    assertThat(rotating.verify(PushRequest.builder().queryParameter("token", "old-token").build()))
        .isEqualTo(Verification.ok());
    assertThat(rotating.verify(PushRequest.builder().queryParameter("token", "new-token").build()))
        .isEqualTo(Verification.ok());
    assertThat(rotating.verify(PushRequest.builder().queryParameter("token", "older-token").build()))
        .isEqualTo(Verification.unauthorized("invalid token"));
  }

  @Test
  void nonAsciiTokenIsComparedAsUtf8() {
    TokenVerifier unicode = TokenVerifier.builder().token("tök€n").build();

    assertThat(unicode.verify(PushRequest.builder().queryString("token=t%C3%B6k%E2%82%ACn").build()))
        .isEqualTo(Verification.ok());
  }

  @Test
  void builderNamesTheSettingItRejects() {
    assertThatThrownBy(() -> TokenVerifier.builder().token(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token must not be blank");
    assertThatThrownBy(() -> TokenVerifier.builder().token(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token must not be blank");
    assertThatThrownBy(() -> TokenVerifier.builder().token("${CALLPUSH_TOKEN}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("token is an unresolved ${...} placeholder: set the variable it names");
    assertThatThrownBy(() -> TokenVerifier.builder().header(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header must not be blank but was \" \"");
    assertThatThrownBy(() -> TokenVerifier.builder().queryParameter(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("queryParameter must not be blank but was \"\"");
    assertThatThrownBy(() -> TokenVerifier.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("token must be set at least once");
  }
}

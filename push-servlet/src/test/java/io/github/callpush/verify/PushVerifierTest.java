package io.github.callpush.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.PushRequest;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PushVerifierTest {

  private final PushVerifier allowlistThenToken = PushVerifier.allOf(
      IpAllowlistVerifier.builder().allow("203.0.113.0/24").build(),
      TokenVerifier.builder().header("X-Callpush-Token").token("s3cret").build());

  @Test
  void allOfAcceptsWhenEveryVerifierAccepts() {
    PushRequest request = PushRequest.builder()
        .remoteAddress("203.0.113.7").header("X-Callpush-Token", "s3cret").build();

    assertThat(allowlistThenToken.verify(request)).isEqualTo(Verification.ok());
  }

  @Test
  void allOfAnswersTheFirstRefusal() {
    PushRequest wrongAddressAndToken = PushRequest.builder()
        .remoteAddress("198.51.100.1").header("X-Callpush-Token", "nope").build();
    PushRequest wrongToken = PushRequest.builder()
        .remoteAddress("203.0.113.7").header("X-Callpush-Token", "nope").build();

    assertThat(allowlistThenToken.verify(wrongAddressAndToken))
        .isEqualTo(Verification.forbidden("address not allowed"));
    assertThat(allowlistThenToken.verify(wrongToken)).isEqualTo(Verification.unauthorized("invalid token"));
  }

  @Test
  void allOfStopsAtTheFirstRefusal() {
    AtomicInteger laterCalls = new AtomicInteger();
    PushVerifier combined = PushVerifier.allOf(
        request -> Verification.unauthorized("first"),
        request -> {
          laterCalls.incrementAndGet();
          return Verification.ok();
        });

    assertThat(combined.verify(PushRequest.builder().build())).isEqualTo(Verification.unauthorized("first"));
    assertThat(laterCalls).hasValue(0);
  }

  @Test
  void allOfRefusesToBeBuiltFromNoVerifierAtAll() {
    assertThatThrownBy(PushVerifier::allOf)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one verifier");
  }

  @Test
  void allOfRejectsANullVerifier() {
    assertThatThrownBy(() -> PushVerifier.allOf(request -> Verification.ok(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("verifier");
  }
}

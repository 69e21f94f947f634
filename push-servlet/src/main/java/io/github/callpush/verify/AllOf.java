package io.github.callpush.verify;

import io.github.callpush.PushRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link PushVerifier#allOf}: accepts when every verifier does; the first refusal wins. Not API. */
record AllOf(List<PushVerifier> verifiers) implements PushVerifier {

  @Override
  public Verification verify(PushRequest request) {
    for (PushVerifier verifier : verifiers) {
      Verification verdict = verifier.verify(request);
      if (!verdict.isAccepted()) {
        return verdict;
      }
    }
    return Verification.ok();
  }

  /** Every verifier's credential parameters. */
  @Override
  public Set<String> credentialParameters() {
    return verifiers.stream().flatMap(verifier -> verifier.credentialParameters().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Every verifier's credential headers. */
  @Override
  public Set<String> credentialHeaders() {
    return verifiers.stream().flatMap(verifier -> verifier.credentialHeaders().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Each verifier's description, joined by "and". */
  @Override
  public String toString() {
    return verifiers.stream().map(String::valueOf).collect(Collectors.joining(" and "));
  }
}

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.callpush.EndpointSettings.Setting;
import io.github.callpush.verify.TokenVerifier;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules of {@link EndpointSettings}, which every front end binds to, and what its {@link ReceiverSetup} owns. */
class EndpointSettingsTest {

  @Test
  void configuresTheReceiverWithTheDefaultsAndTheValuesGiven() {
    ReceiverSettings defaults = receiver(EndpointSettings.builder().allowUnverified(true)).settings();
    assertThat(defaults.lease()).isEqualTo(EndpointSettings.DEFAULT_LEASE);
    assertThat(defaults.retention()).isEqualTo(EndpointSettings.DEFAULT_RETENTION);
    assertThat(defaults.retryAfter()).isEqualTo(EndpointSettings.DEFAULT_RETRY_AFTER);
    assertThat(defaults.maxBodyBytes()).isEqualTo(EndpointSettings.DEFAULT_MAX_BODY_BYTES);
    assertThat(defaults.ackBody()).isEqualTo(EndpointSettings.DEFAULT_ACK_BODY);

    ReceiverSettings given = receiver(EndpointSettings.builder().tokens(List.of("t0k3n"))
        .lease(Duration.ofSeconds(30)).maxBodyBytes(Long.MAX_VALUE).ackBody("").failOpen(true)).settings();
    assertThat(given.lease()).isEqualTo(Duration.ofSeconds(30));
    assertThat(given.maxBodyBytes()).isEqualTo(Integer.MAX_VALUE);
    assertThat(given.ackBody()).isEmpty();
    assertThat(given.failOpen()).isTrue();
    assertThat(given.verifier().toString()).contains("token");
  }

  @Test
  void aRefusedSecretIsNamedButNotShown() {
    InvalidSettingException refused = refusal(EndpointSettings.builder().hmacSecrets(List.of("hunter2")));
    assertThat(refused.setting()).isEqualTo(Setting.HMAC_SECRETS);
    assertThat(refused.shownValue()).isEqualTo(EndpointSettings.HIDDEN);
    assertThat(refused.getMessage()).startsWith("hmac-secrets: ").doesNotContain("hunter2");

    InvalidSettingException user = refusal(EndpointSettings.builder().basicUsers(Map.of("alice", " ")));
    assertThat(user.setting()).isEqualTo(Setting.BASIC_USERS);
    assertThat(user.entry()).isEqualTo("alice");
  }

  @Test
  void refusesSettingsThatWouldDoNothingOrContradictEachOther() {
    assertThat(refusal(EndpointSettings.builder().trustedProxies(List.of("10.0.0.0/8"))).setting())
        .isEqualTo(Setting.TRUSTED_PROXIES);
    assertThat(refusal(EndpointSettings.builder().tokenHeader("X-Token")).setting()).isEqualTo(Setting.TOKENS);
    InvalidSettingException both = refusal(EndpointSettings.builder().tokens(List.of("t")).allowUnverified(true));
    assertThat(both.setting()).isEqualTo(Setting.ALLOW_UNVERIFIED);
    assertThat(both.isMissingVerification()).isFalse();
    assertThat(refusal(EndpointSettings.builder().sweepInterval(Duration.ZERO)).setting())
        .isEqualTo(Setting.SWEEP_INTERVAL);
    assertThat(refusal(EndpointSettings.builder().deadLetterMaximum(0)).reason()).isEqualTo("must be positive but was 0");
  }

  @Test
  void refusesAnUnresolvedPlaceholder() {
    InvalidSettingException refused = refusal(EndpointSettings.builder().allowUnverified(true).ackBody("${ACK}"));
    assertThat(refused.setting()).isEqualTo(Setting.ACK_BODY);
    assertThat(refused.reason()).contains("unresolved ${...} placeholder");
    assertThat(refusal(EndpointSettings.builder().tokens(List.of("${CALLPUSH_TOKEN}"))).shownValue())
        .isEqualTo(EndpointSettings.HIDDEN);
  }

  @Test
  void whatTheReceiverRefusesNamesTheSetting() {
    EndpointSettings settings = EndpointSettings.builder().allowUnverified(true).lease(Duration.ZERO).build();
    InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class, settings::configure);
    assertThat(refused.setting()).isEqualTo(Setting.LEASE);
    assertThat(refused.shownValue()).isEqualTo("PT0S");
    assertThat(refused.reason()).isEqualTo("lease must be positive but was PT0S");
  }

  @Test
  void noVerificationIsRefusedWhenBuiltUnlessTheBuilderGotAVerifier() {
    ReceiverSetup unverified = EndpointSettings.builder().build().configure();
    InvalidSettingException refused = catchThrowableOfType(InvalidSettingException.class, unverified::build);
    assertThat(refused.isMissingVerification()).isTrue();
    assertThat(refused.setting()).isEqualTo(Setting.ALLOW_UNVERIFIED);
    assertThat(refused.getCause()).hasMessageContaining("allowUnverified()");

    try (ReceiverSetup setup = EndpointSettings.builder().build().configure()) {
      setup.builder().verifier(TokenVerifier.builder().token("t0k3n").build());
      assertThat(setup.build().describe()).contains("token");
    }
  }

  @Test
  void closingTheSetupStopsTheSweeperAndClosesTheStoreTheSpecNamed() {
    ReceiverSetup setup = EndpointSettings.builder().allowUnverified(true).dedupStore("memory:10").build().configure();
    PushReceiver receiver = setup.build();
    assertThat(receiver.settings().store()).isSameAs(setup.store());
    assertThat(sweepers()).isPositive();

    setup.close();

    assertThat(sweepers()).isZero();
  }

  private static PushReceiver receiver(EndpointSettings.Builder settings) {
    return settings.build().configure().build();
  }

  private static InvalidSettingException refusal(EndpointSettings.Builder settings) {
    return catchThrowableOfType(InvalidSettingException.class, settings::build);
  }

  private static long sweepers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("callpush-dedup-sweeper") && thread.isAlive()).count();
  }
}

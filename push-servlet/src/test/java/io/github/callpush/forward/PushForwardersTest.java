package io.github.callpush.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.EndpointSettings;
import io.github.callpush.EndpointSettings.Setting;
import io.github.callpush.InvalidSettingException;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushRequest;
import io.github.callpush.ReceiverSetup;
import io.github.callpush.forward.RecordingForwarderProvider.Recording;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code forward} setting: a provider found by scheme, registered as a listener, closed with the setup. */
class PushForwardersTest {

  private static final String LOGIN = "{\"pushType\":\"login\",\"eventUniqueId\":\"f1\",\"accountId\":\"N0001\","
      + "\"agentId\":\"8001\",\"statusTime\":\"2026-12-05 10:00:00\"}";

  @Test
  void theSettingOpensTheForwarderOfItsSchemeWhichGetsEveryPushOnceAndClosesWithTheSetup() {
    ReceiverSetup setup = EndpointSettings.builder().tokens(List.of("s3cret")).forward("recording://settings")
        .build().configure();
    Recording recording = RecordingForwarderProvider.RECORDINGS.get("settings");
    PushRequest request = PushRequest.builder().method("POST").queryParameter("token", "s3cret")
        .header("Content-Type", "application/json").body(LOGIN.getBytes(StandardCharsets.UTF_8)).build();
    try (setup) {
      PushReceiver receiver = setup.build();
      assertThat(receiver.listeners().ids()).containsExactly(EndpointSettings.FORWARD_LISTENER_ID);
      assertThat(receiver.handle(request).status()).isEqualTo(200);
      assertThat(receiver.handle(request).status()).isEqualTo(200);
      assertThat(setup.forwarder()).isSameAs(recording);
      assertThat(recording.closed).isFalse();
    }

    assertThat(recording.pushes).singleElement().satisfies(push ->
        assertThat(new String(push.body(), StandardCharsets.UTF_8)).isEqualTo(LOGIN));
    assertThat(recording.closed).isTrue();
  }

  @Test
  void aSchemeWithoutItsModuleNamesTheModuleToAdd() {
    assertThatThrownBy(() -> PushForwarders.fromSpec("kafka://127.0.0.1:9092/pushes"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no forwarder for 'kafka:' URIs: add io.github.callpush:push-forward-kafka to the application; "
            + "schemes served: recording");
    assertThatThrownBy(() -> PushForwarders.fromSpec("broker.example.com:5672"))
        .hasMessageStartingWith("no forwarder for 'broker.example.com:' URIs; schemes served: recording");
    assertThatThrownBy(() -> PushForwarders.fromSpec("/pushes"))
        .hasMessageStartingWith("no forwarder for a URI without a scheme");
    assertThatThrownBy(() -> PushForwarders.fromSpec("amqp://host/ bad"))
        .hasMessageStartingWith("not a URI: Illegal character in path");
  }

  @Test
  void aRefusedForwarderIsASettingErrorThatNeverShowsThePassword() {
    assertThatThrownBy(() -> EndpointSettings.builder().allowUnverified(true)
        .forward("amqp://guest:hunter2@127.0.0.1:5672/%2F").build().configure())
        .isInstanceOfSatisfying(InvalidSettingException.class, refused -> {
          assertThat(refused.setting()).isEqualTo(Setting.FORWARD);
          assertThat(refused.shownValue()).isEqualTo("amqp://guest:****@127.0.0.1:5672/%2F");
          assertThat(refused.getMessage()).contains("push-forward-rabbitmq").doesNotContain("hunter2");
        });
    assertThatThrownBy(() -> EndpointSettings.builder().allowUnverified(true).forward("recording://refused")
        .build().configure())
        .isInstanceOfSatisfying(InvalidSettingException.class, refused ->
            assertThat(refused.reason()).isEqualTo("the recording forwarder refuses refused"));
  }

  @Test
  void showsASpecWithItsPasswordMasked() {
    assertThat(PushForwarders.shown("amqps://user:p%40ss@mq.example.com/vhost?exchange=x"))
        .isEqualTo("amqps://user:****@mq.example.com/vhost?exchange=x");
    assertThat(PushForwarders.shown("amqp://user@mq/v")).isEqualTo("amqp://user@mq/v");
    assertThat(PushForwarders.shown("kafka://a:9092,b:9092/topic")).isEqualTo("kafka://a:9092,b:9092/topic");
    assertThat(PushForwarders.shown("amqp://app:p/s@s:w@mq:5672/prod")).isEqualTo("amqp://app:****@mq:5672/prod");
    assertThat(PushForwarders.shown("amqp://user@mq/v?x=a@b:c")).isEqualTo("amqp://user@mq/v?x=a@b:c");
    // no valid spec has an @ after its host: taken for the end of a password, shown too little rather than too much
    assertThat(PushForwarders.shown("kafka://a:9092/t@x")).isEqualTo("kafka://a:****@x");
    assertThat(PushForwarders.shown("kafka://a:9092/t?sasl.jaas.config=x%20password%3D%22p%22&linger.ms=5"
        + "&ssl.key.password=k"))
        .isEqualTo("kafka://a:9092/t?sasl.jaas.config=****&linger.ms=5&ssl.key.password=****");
  }
}

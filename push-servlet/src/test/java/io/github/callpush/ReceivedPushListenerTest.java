package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.decode.PushDecoder;
import io.github.callpush.event.AgentLogin;
import io.github.callpush.event.CallSheetHangup;
import io.github.callpush.event.PushEvent;
import io.github.callpush.verify.TokenVerifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link ReceivedPushListener}: the push as received, deduplicated and retried as any listener. */
class ReceivedPushListenerTest {

  private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");
  private static final Charset GBK = Charset.forName("GBK");

  private final List<ReceivedPush> received = new CopyOnWriteArrayList<>();
  private final List<PushExchange> exchanges = new CopyOnWriteArrayList<>();
  private final List<String> runs = new CopyOnWriteArrayList<>();

  private PushReceiver receiver(ReceivedPushListener listener) {
    return PushReceiver.builder().verifier(TokenVerifier.builder().token("s3cret").build())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).onReceived("forwarder", listener)
        .observer(new PushObserver() {
          @Override
          public void answered(PushExchange exchange) {
            exchanges.add(exchange);
          }

          @Override
          public void listenerRan(PushEvent event, String listenerId, long nanos, boolean succeeded) {
            runs.add(listenerId + " " + event.eventId() + (succeeded ? " succeeded" : " failed")
                + (nanos > 0 ? "" : " in no time"));
          }
        }).build();
  }

  @Test
  void getsTheBytesAndContentTypeAsReceivedTheKeyAndTheTimeOnceAcrossDuplicates() {
    String json = Pushes.login("e-gbk").replaceFirst("\\{", "{\"agentNickName\":\"张三\",");
    byte[] body = json.getBytes(GBK);
    PushRequest request = PushRequest.builder().method("POST").queryParameter("token", "s3cret")
        .header("Content-Type", "application/json; charset=GBK").body(body).build();
    try (PushReceiver receiver = receiver(received::add)) {
      assertThat(receiver.handle(request).status()).isEqualTo(200);
      assertThat(receiver.handle(request).status()).isEqualTo(200);
    }

    assertThat(received).singleElement().satisfies(push -> {
      assertThat(push.body()).isEqualTo(body);
      assertThat(push.contentType()).isEqualTo("application/json; charset=GBK");
      assertThat(push.receivedAt()).isEqualTo(NOW);
      assertThat(push.event()).isInstanceOf(AgentLogin.class);
      assertThat(push.eventKey()).isEqualTo(exchanges.get(0).eventKey());
      assertThat(PushDecoder.defaults().decode(push.body(), push.contentType(), push.receivedAt()).raw())
          .isEqualTo(push.event().raw());
      assertThat(push.toString()).contains("bodyBytes=" + body.length).doesNotContain("张三");
    });
    assertThat(exchanges).extracting(exchange -> exchange.outcome().code()).containsExactly("handled", "duplicate");
  }

  @Test
  void aFailureIsAnsweredAsAnyListenersAndTheRetryGetsThePushAgain() {
    AtomicInteger calls = new AtomicInteger();
    PushRequest request = PushRequest.builder().method("POST").queryParameter("token", "s3cret")
        .header("Content-Type", "application/json").body(Pushes.login("e-retry").getBytes(StandardCharsets.UTF_8))
        .build();
    try (PushReceiver receiver = receiver(push -> {
      if (calls.incrementAndGet() == 1) {
        throw new IllegalStateException("broker down");
      }
      received.add(push);
    })) {
      assertThat(receiver.handle(request).status()).isEqualTo(500);
      assertThat(receiver.handle(request).status()).isEqualTo(200);
      assertThat(receiver.handle(request).status()).isEqualTo(200);
    }

    assertThat(calls).hasValue(2);
    assertThat(runs).containsExactly("forwarder e-retry failed", "forwarder e-retry succeeded");
    assertThat(received).singleElement().extracting(ReceivedPush::eventKey).isEqualTo(exchanges.get(1).eventKey());
  }

  @Test
  void aListenerThatCannotHandThePushOnForNowIsAnswered503WithRetryAfterUnlessAnotherFailed() {
    PushRequest request = PushRequest.builder().method("POST").queryParameter("token", "s3cret")
        .header("Content-Type", "application/json").body(Pushes.login("e-503").getBytes(StandardCharsets.UTF_8))
        .build();
    AtomicInteger down = new AtomicInteger(1);
    try (PushReceiver receiver = receiver(push -> {
      if (down.getAndDecrement() > 0) {
        throw new RetryLaterException("broker unreachable");
      }
      received.add(push);
    })) {
      PushResponse unavailable = receiver.handle(request);
      assertThat(unavailable.status()).isEqualTo(503);
      assertThat(unavailable.headers()).containsKey("Retry-After");
      assertThat(unavailable.bodyText()).contains("a listener cannot hand the push on for now");
      assertThat(receiver.handle(request).status()).isEqualTo(200);
    }
    assertThat(exchanges).extracting(exchange -> exchange.outcome().code())
        .containsExactly("listener_unavailable", "handled");
    assertThat(received).hasSize(1);

    try (PushReceiver both = PushReceiver.builder().allowUnverified()
        .onReceived("down", push -> {
          throw new RetryLaterException("broker unreachable");
        })
        .onAny("broken", event -> {
          throw new IllegalStateException("bug");
        }).build()) {
      assertThat(both.handle(request).status()).as("a real failure wins").isEqualTo(500);
    }
  }

  @Test
  void theOlderGetPushArrivesAsItsFormWithoutTheToken() {
    PushRequest request = PushRequest.builder().method("GET")
        .queryString("token=s3cret&CallSheetID=cs-1&CallID=leg-1&CallState=Hangup&CallNo=13812345678"
            + "&CalledNo=4008001234&End=2026-12-05%2016%3A21%3A40")
        .build();
    try (PushReceiver receiver = receiver(received::add)) {
      assertThat(receiver.handle(request).status()).isEqualTo(200);
    }

    assertThat(received).singleElement().satisfies(push -> {
      assertThat(push.event()).isInstanceOf(CallSheetHangup.class);
      assertThat(push.eventKey()).endsWith(":callsheet:cs-1:leg-1:Hangup").isEqualTo(exchanges.get(0).eventKey());
      assertThat(push.contentType()).startsWith("application/x-www-form-urlencoded");
      assertThat(new String(push.body(), StandardCharsets.US_ASCII)).doesNotContain("token", "s3cret")
          .contains("CallSheetID=cs-1");
      assertThat(PushDecoder.defaults().decode(push.body(), push.contentType(), push.receivedAt()).eventId())
          .isEqualTo(push.event().eventId());
    });
  }
}

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.CallSheetEvent;
import io.github.callpush.event.CallSheetHangup;
import io.github.callpush.event.CallSheetRing;
import io.github.callpush.event.CallStateEvent;
import io.github.callpush.event.PushEvent;
import io.github.callpush.event.WebcallOutcome;
import io.github.callpush.event.WebcallResult;
import io.github.callpush.verify.TokenVerifier;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The older call-event push and the webcall callback, sent as the platform sends them (GET, encoded values), against a real Jetty. */
class GetPushOverHttpTest {

  private static final String RING = "CallNo=01087654321&CalledNo=4008001234&CallSheetID=cs-1&CallID=leg-1"
      + "&CallType=normal&Ring=2026-12-05%2016%3A20%3A01&CallState=Ring&AgentName=%E5%BC%A0%E4%B8%89"
      + "&CdrVar=__orderId%3A42%2C__vip%3A1";
  private static final String HANGUP = "CallNo=01087654321&CalledNo=4008001234&CallSheetID=cs-1&CallID=leg-1"
      + "&CallType=normal&Ring=2026-12-05%2016%3A20%3A01&Begin=2026-12-05%2016%3A20%3A09"
      // End encoded twice, as some accounts send it
      + "&End=2026-12-05%252016%253A21%253A40&CallState=Hangup&State=dealing&Agent=8001&Exten=8001"
      + "&FileServer=https%3A%2F%2Frec.example.com&RecordFile=2026%2F12%2F05%2Fcs-1.mp3";

  private final List<PushEvent> handled = new CopyOnWriteArrayList<>();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final List<PushExchange> exchanges = new CopyOnWriteArrayList<>();
  private JettyHarness jetty;

  @AfterEach
  void stop() {
    jetty.close();
  }

  private void serve(PushReceiver.Builder builder) throws Exception {
    jetty = JettyHarness.servlet(new PushServlet(builder
        .observer(PushObserver.deadLetters(deadLetters::add))
        .observer(new PushObserver() {
          @Override
          public void answered(PushExchange exchange) {
            exchanges.add(exchange);
          }
        })
        .onAny("all", handled::add)
        .build()));
  }

  private void serveWithToken() throws Exception {
    serve(PushReceiver.builder().verifier(TokenVerifier.builder().token("s3cret").build()));
  }

  @Test
  void getPushIsDecodedHandledOnceAndAcknowledgedWithAnEmpty200() throws Exception {
    serveWithToken();

    HttpResponse<String> first = jetty.send("GET", "/push?token=s3cret&" + RING);
    HttpResponse<String> retry = jetty.send("GET", "/push?token=s3cret&" + RING);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEmpty();
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(handled).singleElement().isInstanceOfSatisfying(CallSheetRing.class, ring -> {
      assertThat(ring.callId()).isEqualTo("cs-1");
      assertThat(ring.eventId()).isEqualTo("callsheet:cs-1:leg-1:Ring");
      assertThat(ring.call().customerNumber()).isEqualTo("01087654321");
      assertThat(ring.sheet().agentName()).isEqualTo("张三");
      assertThat(ring.time()).isEqualTo(Instant.parse("2026-12-05T08:20:01Z"));
      assertThat(ring.extras()).containsEntry("orderId", "42").containsEntry("vip", "1");
      assertThat(ring.raw().has("token")).as("the token is no push field").isFalse();
      assertThat(ring.raw().get("CallSheetID").textValue()).isEqualTo("cs-1");
    });
    assertThat(exchanges).extracting(exchange -> exchange.outcome().code()).containsExactly("handled", "duplicate");
  }

  @Test
  void aLegsStatesAreEventsOfTheirOwnAndATwiceEncodedTimeIsRead() throws Exception {
    serveWithToken();

    jetty.send("GET", "/push?token=s3cret&" + RING);
    jetty.send("GET", "/push?token=s3cret&" + HANGUP);

    assertThat(handled).hasSize(2).allSatisfy(event -> assertThat(event).isInstanceOf(CallSheetEvent.class));
    CallSheetHangup hangup = (CallSheetHangup) handled.get(1);
    assertThat(hangup.sheet().times().end()).isEqualTo(Instant.parse("2026-12-05T08:21:40Z"));
    assertThat(hangup.time()).isEqualTo(Instant.parse("2026-12-05T08:21:40Z"));
    assertThat(hangup.sheet().recording().url()).isEqualTo("https://rec.example.com/2026/12/05/cs-1.mp3");
    assertThat(hangup.sheet().result().raw()).isEqualTo("dealing");
    assertThat(((CallStateEvent) handled.get(0)).callId()).isEqualTo(hangup.callId());
  }

  @Test
  void aBareGetStaysTheUrlCheckAndHeadToo() throws Exception {
    serveWithToken();

    HttpResponse<String> bare = jetty.send("GET", "/push");
    HttpResponse<String> withTokenOnly = jetty.send("GET", "/push?token=s3cret");
    HttpResponse<String> head = jetty.send("HEAD", "/push?" + RING);

    assertThat(bare.statusCode()).isEqualTo(200);
    assertThat(bare.body()).contains("callpush receiver");
    assertThat(withTokenOnly.body()).contains("callpush receiver");
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(handled).isEmpty();
    assertThat(exchanges).extracting(exchange -> exchange.outcome().code()).containsOnly("url_check");
  }

  @Test
  void getPushWithAWrongTokenIsRefusedAndItsDeadLetterHoldsTheParametersWithoutTheToken() throws Exception {
    serveWithToken();

    HttpResponse<String> refused = jetty.send("GET", "/push?token=wrong-guess&" + RING);

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(handled).isEmpty();
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      String body = new String(letter.body(), StandardCharsets.UTF_8);
      assertThat(body).isEqualTo(RING).doesNotContain("wrong-guess");
      assertThat(letter.contentType()).isEqualTo("application/x-www-form-urlencoded");
    });
  }

  @Test
  void theDeadLetterOfAGetPushReplaysAsAFormPost() throws Exception {
    serveWithToken();
    jetty.send("GET", "/push?token=wrong-guess&" + RING);
    DeadLetter letter = deadLetters.get(0);

    HttpResponse<String> replayed = jetty.post("/push?token=s3cret", letter.body(), "Content-Type", letter.contentType());

    assertThat(replayed.statusCode()).isEqualTo(200);
    assertThat(handled).singleElement().isInstanceOf(CallSheetRing.class);
  }

  @ParameterizedTest(name = "Content-Type {0}")
  @ValueSource(strings = {"application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8"})
  void formPostIsTheSamePushAsTheGet(String contentType) throws Exception {
    serveWithToken();

    HttpResponse<String> posted = jetty.post("/push?token=s3cret", RING, "Content-Type", contentType);
    HttpResponse<String> sameAsGet = jetty.send("GET", "/push?token=s3cret&" + RING);

    assertThat(posted.statusCode()).isEqualTo(200);
    assertThat(posted.body()).isEmpty();
    assertThat(sameAsGet.statusCode()).isEqualTo(200);
    assertThat(handled).singleElement().isInstanceOf(CallSheetRing.class);
    assertThat(exchanges).extracting(exchange -> exchange.outcome().code()).containsExactly("handled", "duplicate");
  }

  @Test
  void webcallCallbackIsItsOwnEvent() throws Exception {
    serveWithToken();

    HttpResponse<String> answered = jetty.send("GET", "/push?token=s3cret&actionid=order-77&Message=4");
    jetty.send("GET", "/push?token=s3cret&actionid=order-77&Message=4");

    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).isEmpty();
    assertThat(handled).singleElement().isInstanceOfSatisfying(WebcallResult.class, result -> {
      assertThat(result.actionId()).isEqualTo("order-77");
      assertThat(result.outcome().value()).isEqualTo(WebcallOutcome.ANSWERED);
      assertThat(result.outcome().raw()).isEqualTo("4");
    });
  }

  @Test
  void jsonPostsStillGetTheConfiguredAck() throws Exception {
    serve(PushReceiver.builder().allowUnverified().ackBody("success"));

    HttpResponse<String> json = jetty.post("/push", Pushes.ring("e1"));
    HttpResponse<String> get = jetty.send("GET", "/push?" + RING);

    assertThat(json.body()).isEqualTo("success");
    assertThat(get.body()).isEmpty();
    assertThat(handled).hasSize(2);
  }

  @ParameterizedTest(name = "async-supported {0}")
  @ValueSource(booleans = {true, false})
  void getPushHonoursTheAckDeadline(boolean asyncSupported) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    PushReceiver receiver = PushReceiver.builder().allowUnverified().ackDeadline(Duration.ofMillis(200))
        .on("slow", CallSheetRing.class, ring -> release.await(10, TimeUnit.SECONDS)).build();
    jetty = JettyHarness.servlet(new PushServlet(receiver), asyncSupported);

    HttpResponse<String> late = jetty.send("GET", "/push?" + RING);
    release.countDown();

    assertThat(late.statusCode()).isEqualTo(503);
    assertThat(late.headers().firstValue("Retry-After")).isPresent();
    receiver.close();
  }

  @Test
  void formPostOfJsonIsStillJson() throws Exception {
    serve(PushReceiver.builder().allowUnverified());

    HttpResponse<String> response = jetty.post("/push", Pushes.ring("e1"), "Content-Type",
        "application/x-www-form-urlencoded");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(handled).singleElement().satisfies(event -> assertThat(event.eventId()).isEqualTo("e1"));
  }
}

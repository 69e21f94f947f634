package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.OutboundRing;
import io.github.callpush.verify.BasicAuthVerifier;
import io.github.callpush.verify.PushVerifier;
import io.github.callpush.verify.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** What observers are told: one exchange per request, with what the receiver knew and answered. */
class PushObserverTest {

  private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));

  private final List<PushExchange> exchanges = new CopyOnWriteArrayList<>();
  private final PushObserver recorder = new PushObserver() {
    @Override
    public void answered(PushExchange exchange) {
      exchanges.add(exchange);
    }
  };

  private static PushRequest post(String body) {
    return PushRequest.builder().queryParameter("token", "t").body(body.getBytes(StandardCharsets.UTF_8)).build();
  }

  @Test
  void anExchangeCarriesTheEventItsKeyTheOutcomeTheAnswerAndTheListenersRun() {
    try (PushReceiver receiver = PushReceiver.builder().verifier(TokenVerifier.builder().token("t").build())
        .on("a", OutboundRing.class, ring -> { }).on("b", OutboundRing.class, ring -> { })
        .observer(recorder).build()) {
      receiver.handle(post(Pushes.ring("e1")));
      receiver.handle(post(Pushes.ring("e1")));
      receiver.handle(PushRequest.builder().method("GET").build());
    }

    assertThat(exchanges).hasSize(3);
    PushExchange first = exchanges.get(0);
    assertThat(first.outcome()).isEqualTo(Outcome.Acknowledged.HANDLED);
    assertThat(first.event()).isInstanceOf(OutboundRing.class);
    assertThat(first.event().eventId()).isEqualTo("e1");
    assertThat(first.eventKey()).contains("e1");
    assertThat(first.listenersRun()).isEqualTo(2);
    assertThat(first.response().status()).isEqualTo(200);
    assertThat(first.nanos()).isPositive();
    assertThat(first.deadLetter()).isNull();
    assertThat(exchanges.get(1).outcome()).isEqualTo(Outcome.Acknowledged.DUPLICATE);
    assertThat(exchanges.get(1).listenersRun()).isZero();
    assertThat(exchanges.get(2).outcome()).isInstanceOf(Outcome.UrlCheck.class);
    assertThat(exchanges.get(2).event()).isNull();
  }

  @Test
  void observersSeeTheTokenMaskedWhetherItWasRightOrWrongAndTheOtherParametersAsSent() {
    List<PushRequest> received = new CopyOnWriteArrayList<>();
    try (PushReceiver receiver = PushReceiver.builder().verifier(TokenVerifier.builder().token("s3cret").build())
        .on("a", OutboundRing.class, ring -> { }).observer(recorder).observer(new PushObserver() {
          @Override
          public void received(PushRequest request) {
            received.add(request);
          }
        }).build()) {
      PushRequest right = PushRequest.builder().queryString("source=crm&token=s3cret")
          .body(Pushes.ring("e1").getBytes(StandardCharsets.UTF_8)).build();
      PushRequest wrong = PushRequest.builder().queryString("token=guess&token=s3cret")
          .body(Pushes.ring("e2").getBytes(StandardCharsets.UTF_8)).build();
      assertThat(receiver.handle(right).status()).isEqualTo(200);
      assertThat(receiver.handle(wrong).status()).isEqualTo(401);
    }

    assertThat(exchanges).extracting(exchange -> exchange.request().queryString())
        .containsExactly("source=crm&token=****", "token=****&token=****");
    assertThat(received).extracting(PushRequest::queryString)
        .containsExactly("source=crm&token=****", "token=****&token=****");
    assertThat(exchanges.get(0).request().queryParameter("token")).isEqualTo("****");
    assertThat(exchanges.get(0).request().queryParameter("source")).isEqualTo("crm");
    assertThat(exchanges.get(0).request().body()).isEqualTo(Pushes.ring("e1").getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void observersSeeCredentialHeadersMaskedAndOtherHeadersAsSent() {
    String basic = "Basic " + Base64.getEncoder().encodeToString("crm:pa55".getBytes(StandardCharsets.UTF_8));
    try (PushReceiver receiver = PushReceiver.builder()
        .verifier(PushVerifier.allOf(BasicAuthVerifier.builder().user("crm", "pa55").build(),
            TokenVerifier.builder().header("X-Callpush-Token").token("t0k").build()))
        .observer(recorder).build()) {
      receiver.handle(PushRequest.builder().header("authorization", basic).header("X-Callpush-Token", "t0k")
          .header("X-Request-Id", "r-1").body(Pushes.ring("e1").getBytes(StandardCharsets.UTF_8)).build());
    }

    PushRequest seen = exchanges.get(0).request();
    assertThat(exchanges.get(0).outcome()).isEqualTo(Outcome.Acknowledged.UNHANDLED);
    assertThat(seen.header("Authorization")).isEqualTo("****");
    assertThat(seen.header("x-callpush-token")).isEqualTo("****");
    assertThat(seen.header("X-Request-Id")).isEqualTo("r-1");
  }

  @Test
  void aRejectionNamesItsStatusAndReasonAndCarriesTheRawBytesAsADeadLetter() {
    try (PushReceiver receiver = PushReceiver.builder().verifier(TokenVerifier.builder().token("t").build())
        .maxBodyBytes(64).observer(recorder).build()) {
      receiver.handle(PushRequest.builder().body("{\"x\":1}".getBytes(StandardCharsets.UTF_8)).build());
      receiver.handle(post("{not json"));
      receiver.handle(post("x".repeat(100)));
      receiver.handle(PushRequest.builder().method("PUT").body("put".getBytes(StandardCharsets.UTF_8)).build());
    }

    assertThat(exchanges).extracting(exchange -> (Object) exchange.outcome().getClass()).containsExactly(
        Rejection.Unauthorized.class, Rejection.Malformed.class, Rejection.TooLarge.class,
        Rejection.MethodNotAllowed.class);
    assertThat(exchanges).extracting(exchange -> exchange.response().status()).containsExactly(401, 400, 413, 405);
    assertThat(exchanges).extracting(exchange -> exchange.outcome().code())
        .containsExactly("unauthorized", "malformed", "too_large", "method_not_allowed");
    DeadLetter tooLarge = exchanges.get(2).deadLetter();
    assertThat(tooLarge.body()).hasSize(64);
    assertThat(tooLarge.truncated()).isTrue();
    assertThat(tooLarge.reason()).isEqualTo("body exceeds the limit of 64 bytes");
    assertThat(new String(exchanges.get(1).deadLetter().body(), StandardCharsets.UTF_8)).isEqualTo("{not json");
    assertThat(exchanges.get(1).deadLetter().truncated()).isFalse();
    assertThat(exchanges.get(3).response().headers()).containsEntry("Allow", "POST, GET, HEAD");
  }

  @Test
  void errorBodiesAreJsonEvenForReasonsWithQuotesAndControlCharacters() {
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified().observer(recorder).build()) {
      PushResponse response = receiver.handle(PushRequest.builder().method("GET\"\n").build());

      assertThat(response.status()).isEqualTo(405);
      assertThat(response.contentType()).isEqualTo("application/json");
      assertThat(response.bodyText())
          .isEqualTo("{\"error\":\"method_not_allowed\",\"reason\":\"GET\\\"\\n is not allowed; the platform POSTs pushes\"}");
    }
  }

  @Test
  void anObserverThatThrowsChangesNoAnswerAndTheOthersAreStillTold() {
    PushObserver broken = new PushObserver() {
      @Override
      public void answered(PushExchange exchange) {
        throw new IllegalStateException("observer bug");
      }
    };
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified().observer(broken).observer(recorder)
        .on("a", OutboundRing.class, ring -> { }).build()) {
      assertThat(receiver.handle(post(Pushes.ring("e1"))).status()).isEqualTo(200);
    }
    assertThat(exchanges).singleElement().extracting(PushExchange::outcome).isEqualTo(Outcome.Acknowledged.HANDLED);
  }

  @Test
  void listenerFailuresAreLoggedUnlessTurnedOffAndObserversAreToldEitherWay() throws Exception {
    List<String> failed = new CopyOnWriteArrayList<>();
    for (boolean log : new boolean[] {true, false}) {
      String eventId = "observer-failure-logged-" + log;
      try (PushReceiver receiver = PushReceiver.builder().allowUnverified().logListenerFailures(log)
          .observer(Observing.listenerFailures((event, id, failure) -> failed.add(event.eventId())))
          .on("crm", OutboundRing.class, ring -> {
            throw new IllegalStateException("crm down");
          }).build()) {
        assertThat(receiver.handle(post(Pushes.ring(eventId))).status()).isEqualTo(500);
      }
    }

    assertThat(failed).containsExactly("observer-failure-logged-true", "observer-failure-logged-false");
    List<String> log = Files.readAllLines(LOG, StandardCharsets.UTF_8);
    assertThat(log).filteredOn(line -> line.contains("listener crm failed on push dialoutRing event "
        + "observer-failure-logged-true")).hasSize(1);
    assertThat(log).filteredOn(line -> line.contains("listener crm failed on push dialoutRing event "
        + "observer-failure-logged-false")).isEmpty();
  }
}

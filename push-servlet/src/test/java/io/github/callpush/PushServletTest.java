package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.DedupStoreException;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.MutableClock;
import io.github.callpush.event.AgentLogin;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of the acknowledgement contract (design.md section 2), over real HTTP in Jetty. */
class PushServletTest {

  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final RecordingMetrics metrics = new RecordingMetrics();
  private JettyHarness jetty;

  @AfterEach
  void stop() throws Exception {
    if (jetty != null) {
      jetty.close();
    }
  }

  private PushReceiver.Builder receiver() {
    return PushReceiver.builder().allowUnverified().observer(metrics).observer(PushObserver.deadLetters(deadLetters::add));
  }

  private void serve(PushReceiver.Builder builder) throws Exception {
    jetty = JettyHarness.servlet(new PushServlet(builder.build()));
  }

  private PushListener<PushEvent> recording(String name) {
    return event -> calls.add(name + ":" + event.eventId());
  }

  @Test
  void handledEventIsAcknowledgedWithTheConfiguredBody() throws Exception {
    serve(receiver().ackBody("{\"code\":0,\"msg\":\"success\"}").on("a", OutboundRing.class, recording("a")));

    HttpResponse<String> response = jetty.post("/push", Pushes.ring("e1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("{\"code\":0,\"msg\":\"success\"}");
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(calls).containsExactly("a:e1");
    assertThat(metrics.events).contains("handled");
  }

  @Test
  void eventNoListenerMatchesIsAcknowledgedAndCountedUnhandled() throws Exception {
    serve(receiver().on("a", AgentLogin.class, recording("a")));

    HttpResponse<String> response = jetty.post("/push", Pushes.ring("e1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(calls).isEmpty();
    assertThat(metrics.events).contains("unhandled");
  }

  @Test
  void duplicateOfCompletedEventIsAcknowledgedWithoutRunningAgain() throws Exception {
    serve(receiver().on("a", OutboundRing.class, recording("a")));

    jetty.post("/push", Pushes.ring("e1"));
    HttpResponse<String> again = jetty.post("/push", Pushes.ring("e1"));

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(calls).containsExactly("a:e1");
    assertThat(metrics.events).contains("duplicate");
  }

  @Test
  void duplicateWhileFirstDeliveryRunsGets503WithRetryAfter() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    serve(receiver().on("slow", OutboundRing.class, event -> {
      running.countDown();
      release.await(10, TimeUnit.SECONDS);
      calls.add("slow");
    }));
    Thread first = new Thread(() -> {
      try {
        jetty.post("/push", Pushes.ring("e1"));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    first.start();
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> second = jetty.post("/push", Pushes.ring("e1"));
    release.countDown();
    first.join();

    assertThat(second.statusCode()).isEqualTo(503);
    assertThat(second.headers().firstValue("Retry-After")).contains("10");
    assertThat(calls).containsExactly("slow");
    assertThat(metrics.events).contains("inFlightDuplicate");
  }

  @Test
  void throwingListenerGets500WithErrorIdButNoExceptionTextAndOthersStillRun() throws Exception {
    serve(receiver()
        .on("a", OutboundRing.class, recording("a"))
        .on("b", OutboundRing.class, event -> {
          throw new IllegalStateException("secret database password in message");
        })
        .on("c", OutboundRing.class, recording("c")));

    HttpResponse<String> response = jetty.post("/push", Pushes.ring("e1"));

    assertThat(response.statusCode()).isEqualTo(500);
    assertThat(response.body()).contains("\"errorId\":\"").doesNotContain("secret", "IllegalStateException", "at io.");
    assertThat(calls).containsExactly("a:e1", "c:e1");
    assertThat(metrics.events).contains("listenerFailed:b");
  }

  @Test
  void retryAfterPartialFailureRunsOnlyTheListenerThatFailed() throws Exception {
    AtomicInteger bAttempts = new AtomicInteger();
    serve(receiver()
        .on("a", OutboundRing.class, recording("a"))
        .on("b", OutboundRing.class, event -> {
          if (bAttempts.incrementAndGet() == 1) {
            throw new IllegalStateException("first delivery fails");
          }
          calls.add("b:" + event.eventId());
        }));

    int first = jetty.post("/push", Pushes.ring("e1")).statusCode();
    int retry = jetty.post("/push", Pushes.ring("e1")).statusCode();
    int third = jetty.post("/push", Pushes.ring("e1")).statusCode();

    assertThat(List.of(first, retry, third)).containsExactly(500, 200, 200);
    assertThat(calls).containsExactly("a:e1", "b:e1");
    assertThat(bAttempts).hasValue(2);
  }

  @Test
  void unreachableStoreGets503AndRunsNothing() throws Exception {
    serve(receiver().dedupStore(new UnreachableStore()).on("a", OutboundRing.class, recording("a")));

    HttpResponse<String> response = jetty.post("/push", Pushes.ring("e1"));

    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(calls).isEmpty();
    assertThat(metrics.events).contains("storeUnavailable");
  }

  @Test
  void unreachableStoreRunsListenersWhenFailingOpen() throws Exception {
    serve(receiver().failOpen(true).dedupStore(new UnreachableStore())
        .on("a", OutboundRing.class, recording("a")));

    HttpResponse<String> response = jetty.post("/push", Pushes.ring("e1"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(calls).containsExactly("a:e1");
  }

  @Test
  void malformedJsonGets400NamingLineAndColumnAndReachesTheDeadLetterHook() throws Exception {
    serve(receiver().on("a", OutboundRing.class, recording("a")));
    byte[] body = "{\n\"accountId\":\"1\"\n\"callEvent\":\"hangup\"\n}".getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> response = jetty.post("/push", body);

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("line 3, column 1");
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.body()).isEqualTo(body);
      assertThat(letter.status()).isEqualTo(400);
      assertThat(letter.truncated()).isFalse();
    });
    assertThat(calls).isEmpty();
  }

  @Test
  void bodyOneByteOverTheLimitGets413AndTheLimitItselfIsAccepted() throws Exception {
    String body = Pushes.ring("e1");
    int size = body.getBytes(StandardCharsets.UTF_8).length;
    serve(receiver().maxBodyBytes(size).on("a", OutboundRing.class, recording("a")));

    HttpResponse<String> atLimit = jetty.post("/push", body);
    HttpResponse<String> overLimit = jetty.post("/push", body + " ");

    assertThat(atLimit.statusCode()).isEqualTo(200);
    assertThat(overLimit.statusCode()).isEqualTo(413);
    assertThat(deadLetters).singleElement().satisfies(letter -> assertThat(letter.status()).isEqualTo(413));
  }

  @Test
  void wrongMethodGets405WithAllowAndGetAnswersAUrlCheck() throws Exception {
    serve(receiver());

    HttpResponse<String> put = jetty.send("PUT", "/push");
    HttpResponse<String> get = jetty.send("GET", "/push");

    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).contains("POST, GET, HEAD");
    assertThat(get.statusCode()).isEqualTo(200);
  }

  @Test
  void requestsOfEveryRejectedMethodAreDeadLetteredWithTheirBytes() throws Exception {
    serve(receiver().on("a", OutboundRing.class, recording("a")));
    String threeKilobytes = "3 KB body, ".repeat(280).substring(0, 3 * 1024);
    byte[] bytes = threeKilobytes.getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> put = jetty.send("PUT", "/push", HttpRequest.BodyPublishers.ofByteArray(bytes));
    HttpResponse<String> chunkedPatch = jetty.send("PATCH", "/push",
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
    HttpResponse<String> emptyDelete = jetty.send("DELETE", "/push");

    assertThat(List.of(put.statusCode(), chunkedPatch.statusCode(), emptyDelete.statusCode()))
        .containsExactly(405, 405, 405);
    assertThat(deadLetters).allSatisfy(letter -> assertThat(letter.status()).isEqualTo(405))
        .extracting(letter -> new String(letter.body(), StandardCharsets.UTF_8))
        .containsExactly(threeKilobytes, threeKilobytes, "");
    assertThat(calls).isEmpty();
  }

  @Test
  void rejectedMethodsBodyIsReadUpToTheLimitLikeAPosts() throws Exception {
    serve(receiver().maxBodyBytes(1024));
    byte[] overLimit = new byte[3 * 1024];

    HttpResponse<String> put = jetty.send("PUT", "/push", HttpRequest.BodyPublishers.ofByteArray(overLimit));

    assertThat(put.statusCode()).isEqualTo(413);
    assertThat(deadLetters).singleElement().satisfies(letter -> {
      assertThat(letter.body()).hasSize(1024);
      assertThat(letter.truncated()).isTrue();
    });
  }

  @ParameterizedTest(name = "async-supported {0}")
  @ValueSource(booleans = {true, false})
  void ackDeadlineAnswers503WhileListenerRunsOnAndTheRetryFindsItDone(boolean asyncSupported) throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    PushReceiver receiver = receiver().ackDeadline(Duration.ofMillis(500)).on("slow", OutboundRing.class, event -> {
      release.await(10, TimeUnit.SECONDS);
      calls.add("slow");
      finished.countDown();
    }).build();
    jetty = JettyHarness.servlet(new PushServlet(receiver), asyncSupported);

    HttpResponse<String> first = jetty.post("/push", Pushes.ring("e1"));
    HttpResponse<String> retryWhileRunning = jetty.post("/push", Pushes.ring("e1"));
    release.countDown();
    assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> retryAfterwards = awaitStatus(200, Pushes.ring("e1"));

    assertThat(first.statusCode()).isEqualTo(503);
    assertThat(first.headers().firstValue("Retry-After")).isPresent();
    assertThat(first.body()).contains("ack_deadline");
    assertThat(retryWhileRunning.statusCode()).isEqualTo(503);
    assertThat(retryAfterwards.statusCode()).isEqualTo(200);
    assertThat(calls).containsExactly("slow");
    assertThat(metrics.events).filteredOn("deadlinePassed"::equals).hasSize(1);
    receiver.close();
  }

  @Test
  void aListenerDoneBeforeTheDeadlineIsNeitherCountedNorLoggedAsLate() throws Exception {
    serve(receiver().ackDeadline(Duration.ofSeconds(5)).on("fast", OutboundRing.class, recording("fast")));

    assertThat(jetty.post("/push", Pushes.ring("e1")).statusCode()).isEqualTo(200);

    assertThat(metrics.events).containsExactly("received", "handled");
  }

  @Test
  void leaseOfAVanishedOwnerIsTakenOverOnceItExpires() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    DedupStore store = InMemoryDedupStore.builder().clock(clock).build();
    serve(receiver().dedupStore(store).lease(Duration.ofSeconds(30)).on("a", OutboundRing.class, recording("a")));
    String key = "id:8:20000153:e1";
    assertThat(store.claim(key, "a", "crashed-node", Duration.ofSeconds(30))).isEqualTo(Claim.ACQUIRED);

    int whileLeased = jetty.post("/push", Pushes.ring("e1")).statusCode();
    clock.advance(Duration.ofSeconds(31));
    int afterExpiry = jetty.post("/push", Pushes.ring("e1")).statusCode();

    assertThat(whileLeased).isEqualTo(503);
    assertThat(afterExpiry).isEqualTo(200);
    assertThat(calls).containsExactly("a:e1");
    assertThat(store.complete(key, "a", "crashed-node", Duration.ofHours(1))).isFalse();
    assertThat(store.release(key, "a", "crashed-node")).isFalse();
    assertThat(store.claim(key, "a", "someone", Duration.ofSeconds(30))).isEqualTo(Claim.COMPLETED);
  }

  private HttpResponse<String> awaitStatus(int status, String body) throws Exception {
    HttpResponse<String> response = jetty.post("/push", body);
    for (int attempt = 0; attempt < 50 && response.statusCode() != status; attempt++) {
      Thread.sleep(100);
      response = jetty.post("/push", body);
    }
    return response;
  }

  /** A store whose server is down: the one part that cannot be real here. */
  static final class UnreachableStore implements DedupStore {
    @Override
    public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
      throw DedupStoreException.unavailable("unreachable", "claim", new java.net.ConnectException("refused"));
    }

    @Override
    public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
      throw DedupStoreException.unavailable("unreachable", "complete", new java.net.ConnectException("refused"));
    }

    @Override
    public boolean release(String eventKey, String listenerId, String owner) {
      throw DedupStoreException.unavailable("unreachable", "release", new java.net.ConnectException("refused"));
    }
  }
}

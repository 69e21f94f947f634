package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.MutableClock;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import io.github.callpush.event.UnknownEvent;
import io.github.callpush.verify.BasicAuthVerifier;
import io.github.callpush.verify.IpAllowlistVerifier;
import io.github.callpush.verify.PushVerifier;
import io.github.callpush.verify.TokenVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine on its own, without a container. */
class PushReceiverTest {

  private static PushRequest post(String body) {
    return PushRequest.builder().body(body.getBytes(StandardCharsets.UTF_8)).build();
  }

  @Test
  void failureHandlerSeesTheEventTheListenerIdAndTheException() {
    List<String> seen = new CopyOnWriteArrayList<>();
    IllegalStateException boom = new IllegalStateException("boom");
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified()
        .on("crm", OutboundRing.class, ring -> {
          throw boom;
        })
        .observer(Observing.listenerFailures((event, id, failure) -> seen.add(event.eventId() + "/" + id + "/" + (failure == boom))))
        .build()) {
      assertThat(receiver.handle(post(Pushes.ring("e1"))).status()).isEqualTo(500);
    }
    assertThat(seen).containsExactly("e1/crm/true");
  }

  @Test
  void listenerWhoseLeaseRanOutBeforeItsTurnIsLeftForTheRetry() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
    List<String> runs = new CopyOnWriteArrayList<>();
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified().clock(clock).lease(Duration.ofSeconds(30))
        .on("slow", OutboundRing.class, ring -> {
          runs.add("slow");
          clock.advance(Duration.ofSeconds(30));
        })
        .on("next", OutboundRing.class, ring -> runs.add("next"))
        .build()) {
      PushResponse first = receiver.handle(post(Pushes.ring("e1")));
      PushResponse retry = receiver.handle(post(Pushes.ring("e1")));
      PushResponse duplicate = receiver.handle(post(Pushes.ring("e1")));

      assertThat(List.of(first.status(), retry.status(), duplicate.status())).containsExactly(503, 200, 200);
      assertThat(first.headers()).containsKey("Retry-After");
    }
    assertThat(runs).containsExactly("slow", "next");
  }

  @Test
  void unknownPushIsDeliveredToCatchAllAndAcknowledged() {
    List<PushEvent> events = new CopyOnWriteArrayList<>();
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified().onAny("all", events::add).build()) {
      PushResponse response = receiver.handle(post("{\"pushType\":\"queueOverflow\",\"eventUniqueId\":\"q1\"}"));

      assertThat(response.status()).isEqualTo(200);
    }
    assertThat(events).singleElement().isInstanceOf(UnknownEvent.class)
        .satisfies(event -> assertThat(event.raw().path("pushType").asText()).isEqualTo("queueOverflow"));
  }

  @Test
  void pushesWithoutAnEventIdAreDeduplicatedByTheirBytes() {
    List<String> calls = new CopyOnWriteArrayList<>();
    String body = Pushes.ring("ignored").replace("\"eventUniqueId\":\"ignored\",", "");
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified().on("r", OutboundRing.class, ring -> calls.add("run")).build()) {
      receiver.handle(post(body));
      receiver.handle(post(body));
      receiver.handle(post(body.replace("1620455977", "1620455978")));
    }
    assertThat(calls).hasSize(2);
  }

  @Test
  void sameEventIdInTwoAccountsIsTwoEvents() {
    List<String> accounts = new CopyOnWriteArrayList<>();
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified().on("r", OutboundRing.class, ring -> accounts.add(ring.accountId()))
        .build()) {
      receiver.handle(post(Pushes.ring("e1")));
      receiver.handle(post(Pushes.ring("e1").replace("20000153", "20000154")));
    }
    assertThat(accounts).containsExactly("20000153", "20000154");
  }

  @Test
  void rejectionsAreCountedByReasonAndDeadLettered() {
    RecordingMetrics metrics = new RecordingMetrics();
    List<DeadLetter> letters = new CopyOnWriteArrayList<>();
    try (PushReceiver receiver = PushReceiver.builder().observer(metrics).observer(PushObserver.deadLetters(letters::add))
        .verifier(TokenVerifier.builder().token("t").build()).build()) {
      PushResponse unauthorized = receiver.handle(post(Pushes.ring("e1")));
      PushResponse malformed = receiver.handle(PushRequest.builder().queryParameter("token", "t")
          .body("[1,2]".getBytes(StandardCharsets.UTF_8)).build());

      assertThat(unauthorized.status()).isEqualTo(401);
      assertThat(malformed.status()).isEqualTo(400);
      assertThat(malformed.bodyText()).contains("expected a JSON object, found array");
    }
    assertThat(metrics.events).contains("rejected:UNAUTHORIZED", "rejected:MALFORMED");
    assertThat(letters).extracting(DeadLetter::status).containsExactly(401, 400);
  }

  @Test
  void aReceiverWithoutVerificationIsRefusedUnlessAllowUnverifiedSaysSo() {
    assertThatThrownBy(() -> PushReceiver.builder().onAny("all", event -> { }).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no verifier: set verifier(...)")
        .hasMessageContaining("allowUnverified()");
    try (PushReceiver open = PushReceiver.builder().allowUnverified().build()) {
      assertThat(open.handle(post(Pushes.ring("e1"))).status()).isEqualTo(200);
    }
  }

  @Test
  void describeNamesWhatIsCheckedButNoSecret() {
    try (PushReceiver receiver = PushReceiver.builder()
        .verifier(PushVerifier.allOf(TokenVerifier.builder().token("t0p-s3cret").header("X-Token").build(),
            IpAllowlistVerifier.builder().allow("10.0.0.0/8").build(),
            BasicAuthVerifier.builder().user("platform", "pa55word").build()))
        .ackDeadline(Duration.ofMillis(2500))
        .build()) {
      assertThat(receiver.describe())
          .isEqualTo("verification token (1 valid) in header X-Token and IP allowlist 10.0.0.0/8 and HTTP Basic "
              + "(1 user); dedup InMemoryDedupStore[maximumSize=100000]; max body 262144 bytes; ack deadline 2500 ms")
          .doesNotContain("t0p-s3cret", "pa55word");
    }
  }

  @Test
  void everyPushIsCountedOnceUnderAnOutcomeAndUrlChecksAreNotPushes() {
    RecordingMetrics metrics = new RecordingMetrics();
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified().observer(metrics)
        .logListenerFailures(false)
        .on("crm", OutboundRing.class, ring -> {
          throw new IllegalStateException("crm down");
        })
        .build()) {
      receiver.handle(PushRequest.builder().method("GET").build());
      receiver.handle(PushRequest.builder().method("HEAD").build());
      assertThat(receiver.handle(post(Pushes.ring("e1"))).status()).isEqualTo(500);
    }
    assertThat(metrics.events).containsExactly("received", "listenerFailed:crm", "listenersFailed");
  }

  @Test
  void builderNamesTheSettingAndValueItRefuses() {
    assertThatThrownBy(() -> PushReceiver.builder().allowUnverified().maxBodyBytes(0))
        .hasMessage("maxBodyBytes must be positive but was 0");
    assertThatThrownBy(() -> PushReceiver.builder().allowUnverified().lease(Duration.ZERO))
        .hasMessage("lease must be positive but was PT0S");
    assertThatThrownBy(() -> PushReceiver.builder().allowUnverified().shutdownGrace(Duration.ofSeconds(-1)))
        .hasMessage("shutdownGrace must not be negative but was PT-1S");
  }

  @Test
  void closeWaitsForListenersPastTheirDeadlineSoTheirCompletionIsRecorded() throws Exception {
    InMemoryDedupStore store = InMemoryDedupStore.builder().build();
    List<String> calls = new CopyOnWriteArrayList<>();
    PushReceiver receiver = PushReceiver.builder().allowUnverified().dedupStore(store).ackDeadline(Duration.ofMillis(50))
        .on("slow", OutboundRing.class, ring -> {
          Thread.sleep(500);
          calls.add(ring.eventId());
        })
        .build();

    PushResponse first = receiver.handleAsync(post(Pushes.ring("e1"))).get(5, TimeUnit.SECONDS);
    receiver.close();

    assertThat(first.status()).isEqualTo(503);
    assertThat(calls).containsExactly("e1");
    assertThat(store.claim("id:8:20000153:e1", "slow", "next-node", Duration.ofMinutes(1)))
        .isEqualTo(Claim.COMPLETED);
  }

  @Test
  void closeWaitsNoLongerThanItsGrace() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    List<String> calls = new CopyOnWriteArrayList<>();
    PushReceiver receiver = PushReceiver.builder().allowUnverified().ackDeadline(Duration.ofMillis(50)).shutdownGrace(Duration.ZERO)
        .on("stuck", OutboundRing.class, ring -> {
          release.await(10, TimeUnit.SECONDS);
          calls.add(ring.eventId());
        })
        .build();
    try {
      assertThat(receiver.handleAsync(post(Pushes.ring("e1"))).get(5, TimeUnit.SECONDS).status()).isEqualTo(503);

      receiver.close();

      assertThat(calls).as("close returned while the listener still ran").isEmpty();
    } finally {
      release.countDown();
    }
  }
}

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.DedupStoreException;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.event.OutboundRing;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads back the DEBUG log that surefire sends to target/callpush-test.log. */
class LoggingTest {

  private static final Path LOG = Path.of(System.getProperty("org.slf4j.simpleLogger.logFile", "missing"));

  private static List<String> linesAbout(String eventId) throws Exception {
    return Files.readAllLines(LOG, StandardCharsets.UTF_8).stream().filter(line -> line.contains(eventId)).toList();
  }

  private static void push(PushReceiver.Builder builder, String eventId) {
    try (PushReceiver receiver = builder.on("r", OutboundRing.class, ring -> { }).build()) {
      receiver.handle(PushRequest.builder().body(Pushes.ring(eventId).getBytes(StandardCharsets.UTF_8)).build());
    }
  }

  @Test
  void onePushLogsOneDebugLineWithTheCustomerNumberMasked() throws Exception {
    push(PushReceiver.builder().allowUnverified(), "logging-masked");

    assertThat(linesAbout("logging-masked")).singleElement().satisfies(line -> assertThat(line)
        .contains("DEBUG", "push dialoutRing", "customer=173****2391", "-> 200")
        .doesNotContain("17319132391"));
  }

  @Test
  void fullNumbersAreLoggedOnlyWhenAskedFor() throws Exception {
    push(PushReceiver.builder().allowUnverified().logPhoneNumbers(true), "logging-unmasked");

    assertThat(linesAbout("logging-unmasked")).singleElement()
        .satisfies(line -> assertThat(line).contains("customer=17319132391"));
  }

  @Test
  void aStoreThatForgetsEntriesBeforeTheyExpireWarnsOnceAMinute() throws Exception {
    InMemoryDedupStore store = InMemoryDedupStore.builder().maximumSize(7_777).build();
    for (int i = 0; i < 7_777 + 5; i++) {
      store.claim("forgotten-early-" + i, "l1", "owner", Duration.ofMinutes(2));
    }

    assertThat(store.forgottenEarly()).isEqualTo(5);
    assertThat(linesAbout("(maximumSize 7777)")).singleElement().satisfies(line -> assertThat(line)
        .contains("WARN", "forgot 1 entries before they expired since it started", "Raise maximumSize"));
  }

  @Test
  void completionWhoseAnswerWasLostIsNotReportedAsATakeover() throws Exception {
    InMemoryDedupStore store = InMemoryDedupStore.builder().build();
    DedupStore answerLostOnce = new DedupStore() {
      private boolean lost;

      @Override
      public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
        return store.claim(eventKey, listenerId, owner, lease);
      }

      @Override
      public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
        boolean completed = store.complete(eventKey, listenerId, owner, retention);
        if (!lost) {
          lost = true;
          throw DedupStoreException.unavailable("test store", "complete", new SocketException("connection reset after the completion was recorded"));
        }
        return completed;
      }

      @Override
      public boolean release(String eventKey, String listenerId, String owner) {
        return store.release(eventKey, listenerId, owner);
      }
    };

    push(PushReceiver.builder().allowUnverified().dedupStore(answerLostOnce), "logging-lost-answer");

    assertThat(linesAbout("logging-lost-answer"))
        .anySatisfy(line -> assertThat(line).contains("WARN", "answer to an earlier completion was lost"))
        .noneSatisfy(line -> assertThat(line).contains("after its lease was taken over"));
  }
}

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.OutboundRing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The acknowledgement deadline leaves no thread behind once the receiver is closed. Run in a JVM of its
 * own, since {@code CompletableFuture}'s JDK-wide delay thread, once started by anything, lives on.
 */
class AckDeadlineThreadsTest {

  @Test
  void deadlinePathStartsOnlyTheReceiversOwnThreadsAndCloseEndsThem() throws Exception {
    Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Scenario.class.getName())
        .redirectErrorStream(true)
        .start();
    List<String> lines;
    try {
      lines = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } finally {
      assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the scenario's JVM ended").isTrue();
    }

    assertThat(lines).as("its output").contains("async 503", "blocking 503", "listeners ran 2");
    assertThat(lines).as("threads while the deadline was used")
        .contains("running callpush-ack-deadline", "running callpush-listener-1", "running callpush-listener-2");
    assertThat(lines.stream().filter(line -> line.startsWith("left ")))
        .as("threads left after close")
        .isNotEmpty()
        .noneMatch(line -> line.startsWith("left callpush-"))
        .noneMatch(line -> line.contains("CompletableFutureDelayScheduler"));
  }

  /** Uses the deadline of a receiver both ways (async and blocking), closes it, and prints what threads exist. */
  static final class Scenario {

    public static void main(String[] args) throws Exception {
      CountDownLatch release = new CountDownLatch(1);
      CountDownLatch ran = new CountDownLatch(2);
      PushReceiver receiver = PushReceiver.builder().allowUnverified().ackDeadline(Duration.ofMillis(100))
          .on("slow", OutboundRing.class, ring -> {
            release.await(10, TimeUnit.SECONDS);
            ran.countDown();
          })
          .build();
      System.out.println("async " + receiver.handleAsync(push("e1")).get(10, TimeUnit.SECONDS).status());
      System.out.println("blocking " + receiver.handle(push("e2")).status());
      printThreads("running ");
      release.countDown();
      ran.await(10, TimeUnit.SECONDS);
      System.out.println("listeners ran " + (2 - ran.getCount()));
      receiver.close();
      printThreads("left ");
    }

    private static PushRequest push(String eventId) {
      return PushRequest.builder().body(Pushes.ring(eventId).getBytes(StandardCharsets.UTF_8)).build();
    }

    private static void printThreads(String prefix) {
      Thread.getAllStackTraces().keySet().forEach(thread -> System.out.println(prefix + thread.getName()));
    }
  }
}

package io.github.callpush.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.dedup.OncePerEvent.Result;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OncePerEventTest {

  private final InMemoryDedupStore store = InMemoryDedupStore.builder().build();
  private final OncePerEvent once = OncePerEvent.builder(store).build();
  private final AtomicInteger runs = new AtomicInteger();

  @Test
  void runsOncePerEventAndHandlerThenSaysItWasDone() throws Exception {
    assertThat(once.run("e1", "billing", runs::incrementAndGet)).isEqualTo(Result.RAN);
    assertThat(once.run("e1", "billing", runs::incrementAndGet)).isEqualTo(Result.DONE_BEFORE);
    assertThat(once.run("e1", "audit", runs::incrementAndGet)).isEqualTo(Result.RAN);
    assertThat(once.run("e2", "billing", runs::incrementAndGet)).isEqualTo(Result.RAN);

    assertThat(runs).hasValue(3);
  }

  @Test
  void aFailureReleasesTheClaimSoTheNextDeliveryRunsIt() throws Exception {
    assertThatThrownBy(() -> once.run("e1", "billing", () -> {
      throw new IllegalStateException("downstream down");
    })).isInstanceOf(IllegalStateException.class).hasMessage("downstream down");

    assertThat(once.run("e1", "billing", runs::incrementAndGet)).isEqualTo(Result.RAN);
    assertThat(runs).hasValue(1);
  }

  @Test
  void aDeliveryWhileAnotherRunsItIsToldInFlight() throws Exception {
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      Future<Result> first = other.submit(() -> once.run("e1", "billing", () -> {
        running.countDown();
        finish.await(10, TimeUnit.SECONDS);
      }));
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(once.run("e1", "billing", runs::incrementAndGet)).isEqualTo(Result.IN_FLIGHT);
      finish.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(Result.RAN);
      assertThat(once.run("e1", "billing", runs::incrementAndGet)).isEqualTo(Result.DONE_BEFORE);
    } finally {
      other.shutdownNow();
    }
    assertThat(runs).hasValue(0);
  }

  @Test
  void refusesANonPositiveLeaseOrRetention() {
    assertThatThrownBy(() -> OncePerEvent.builder(store).lease(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lease must be positive");
    assertThatThrownBy(() -> OncePerEvent.builder(store).retention(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retention must be positive");
  }
}

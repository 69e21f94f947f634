package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.Claim;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The sweeper's thread: named, and stopped and awaited by {@link DedupSweeper#close()}. */
class DedupSweeperTest {

  @Test
  void closeInterruptsASweepUnderWayAndWaitsForItsThreadToEnd() throws Exception {
    CountDownLatch sweeping = new CountDownLatch(1);
    AtomicReference<String> threadName = new AtomicReference<>();
    AtomicBoolean sweepEnded = new AtomicBoolean();
    DedupStore store = new SlowSweep(sweeping, threadName, sweepEnded);
    DedupSweeper sweeper = new DedupSweeper(store, Duration.ofMillis(1));
    assertThat(sweeping.await(10, TimeUnit.SECONDS)).isTrue();

    sweeper.close();

    assertThat(sweepEnded).isTrue();
    assertThat(threadName).hasValue("callpush-dedup-sweeper");
  }

  /** A store whose sweep blocks until interrupted, then takes a while to wind down. */
  private static final class SlowSweep implements DedupStore {

    private final CountDownLatch sweeping;
    private final AtomicReference<String> threadName;
    private final AtomicBoolean sweepEnded;

    SlowSweep(CountDownLatch sweeping, AtomicReference<String> threadName, AtomicBoolean sweepEnded) {
      this.sweeping = sweeping;
      this.threadName = threadName;
      this.sweepEnded = sweepEnded;
    }

    @Override
    public int sweep() {
      threadName.set(Thread.currentThread().getName());
      sweeping.countDown();
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException interrupted) {
        long windDown = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
        while (System.nanoTime() < windDown) {
          Thread.onSpinWait();
        }
        sweepEnded.set(true);
      }
      return 0;
    }

    @Override
    public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
      throw new UnsupportedOperationException("only sweep() is called");
    }

    @Override
    public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
      throw new UnsupportedOperationException("only sweep() is called");
    }

    @Override
    public boolean release(String eventKey, String listenerId, String owner) {
      throw new UnsupportedOperationException("only sweep() is called");
    }
  }
}

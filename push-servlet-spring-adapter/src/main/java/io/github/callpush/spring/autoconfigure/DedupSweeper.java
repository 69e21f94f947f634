package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.DedupStore;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls {@link DedupStore#sweep} every {@code callpush.dedup.sweep-interval} on a daemon thread
 * {@code callpush-dedup-sweeper}, until closed; closing interrupts a sweep under way and waits for it.
 */
final class DedupSweeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DedupSweeper.class);

  /** How long closing waits for a sweep under way to give up. */
  static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "callpush-dedup-sweeper");
    thread.setDaemon(true);
    return thread;
  });

  DedupSweeper(DedupStore store, Duration interval) {
    long millis = interval.toMillis();
    executor.scheduleWithFixedDelay(() -> sweep(store), millis, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the dedup sweeper did not stop within {}; its daemon thread is left to end on its own",
            CLOSE_TIMEOUT);
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sweep(DedupStore store) {
    try {
      int removed = store.sweep();
      LOG.debug("swept {} expired dedup entries", removed);
    } catch (RuntimeException failed) {
      LOG.warn("sweeping the dedup store failed; trying again at the next interval", failed);
    }
  }
}

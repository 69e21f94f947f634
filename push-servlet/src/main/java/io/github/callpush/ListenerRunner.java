package io.github.callpush;

import io.github.callpush.internal.OwnedThreads;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a delivery's listeners: on the calling thread, or, with an acknowledgement deadline, on the
 * listener executor while the answer waits for them no longer than the deadline. Owns the threads it
 * starts (listeners, deadline) and stops them at {@link #close()}.
 */
final class ListenerRunner implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);

  private final Duration ackDeadline;
  private final Duration shutdownGrace;
  private final OwnedThreads listenerThreads = OwnedThreads.numbered("callpush-listener");
  private final OwnedThreads deadlineThreads = OwnedThreads.named("callpush-ack-deadline");
  private final ExecutorService ownedExecutor;
  private final Executor executor;
  /** Completes at the deadline those asynchronous answers whose listeners still run. */
  private final ScheduledThreadPoolExecutor deadlineTimer;

  ListenerRunner(ReceiverSettings settings) {
    this.ackDeadline = settings.ackDeadline();
    this.shutdownGrace = settings.shutdownGrace();
    this.ownedExecutor = ackDeadline != null && settings.listenerExecutor() == null ? newListenerExecutor() : null;
    this.executor = settings.listenerExecutor() != null ? settings.listenerExecutor() : ownedExecutor;
    this.deadlineTimer = ackDeadline == null ? null : newDeadlineTimer();
  }

  boolean hasDeadline() {
    return ackDeadline != null;
  }

  /**
   * Runs the listeners and returns their outcome; past the deadline (when there is one), returns
   * {@link Outcome.RetryLater#DEADLINE_PASSED} while they go on.
   */
  Outcome run(Delivery delivery) {
    if (ackDeadline == null) {
      return delivery.run();
    }
    CompletableFuture<Outcome> outcome = start(delivery);
    try {
      return outcome.get(ackDeadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException late) {
      return deadlinePassed(outcome);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return deadlinePassed(outcome);
    } catch (ExecutionException failed) {
      throw unchecked(failed.getCause());
    }
  }

  /** As {@link #run}, without waiting: the outcome completes when the listeners end or at the deadline. */
  CompletableFuture<Outcome> runAsync(Delivery delivery) {
    if (ackDeadline == null) {
      return CompletableFuture.completedFuture(delivery.run());
    }
    CompletableFuture<Outcome> outcome = start(delivery);
    if (!outcome.isDone()) {
      try {
        ScheduledFuture<?> deadline = deadlineTimer.schedule(
            () -> outcome.complete(Outcome.RetryLater.DEADLINE_PASSED), ackDeadline.toNanos(), TimeUnit.NANOSECONDS);
        outcome.whenComplete((done, failure) -> deadline.cancel(false));
      } catch (RejectedExecutionException closed) {
        outcome.complete(Outcome.RetryLater.DEADLINE_PASSED);
      }
    }
    return outcome;
  }

  /**
   * Stops the listener executor it created, waiting up to the shutdown grace for listeners still
   * running after their deadline, so that their completions are recorded; then the deadline thread.
   */
  @Override
  public void close() {
    if (ownedExecutor != null && !listenerThreads.shutDown(ownedExecutor, shutdownGrace)) {
      LOG.warn("closing with listeners still running after {} ms; they finish on their own, and those whose "
          + "completion is not recorded run again when their lease ends", shutdownGrace.toMillis());
    }
    if (deadlineTimer != null) {
      deadlineThreads.shutDownNow(deadlineTimer);
    }
  }

  /** Starts the listeners on the executor, or on the calling thread when it refuses them (saturated, or closed). */
  private CompletableFuture<Outcome> start(Delivery delivery) {
    CompletableFuture<Outcome> outcome = new CompletableFuture<>();
    Runnable run = () -> {
      try {
        outcome.complete(delivery.run());
      } catch (RuntimeException | Error failed) {
        outcome.completeExceptionally(failed);
      }
    };
    try {
      executor.execute(run);
    } catch (RejectedExecutionException refused) {
      run.run();
    }
    return outcome;
  }

  /** The deadline's outcome, unless the listeners' came in the meantime. */
  private static Outcome deadlinePassed(CompletableFuture<Outcome> outcome) {
    return outcome.complete(Outcome.RetryLater.DEADLINE_PASSED) ? Outcome.RetryLater.DEADLINE_PASSED : outcome.join();
  }

  private static RuntimeException unchecked(Throwable failure) {
    if (failure instanceof Error error) {
      throw error;
    }
    return failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
  }

  /** Up to 64 listener threads, none idle past a minute; work beyond them is refused and runs on the caller. */
  private ExecutorService newListenerExecutor() {
    return new ThreadPoolExecutor(0, 64, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), listenerThreads);
  }

  /** One thread, started on first use; a deadline whose answer came first is cancelled and forgotten at once. */
  private ScheduledThreadPoolExecutor newDeadlineTimer() {
    ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, deadlineThreads);
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}

package io.github.callpush.dedup;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Coalesces the calls of concurrent threads into batches, one round trip each, without a thread of its
 * own (leader/follower combining). A caller enqueues its call; if no batch is running it becomes the
 * leader and runs up to {@code maxBatch} pending calls through the executor, again until its own call is
 * answered, then at most {@value #BATCHES_AFTER_OWN} more while calls are pending, and hands over to the
 * next waiting caller. The others park until the leader has answered their call. A lone caller runs a
 * batch of one at once, on its own thread. Not API.
 */
final class GroupCommit<C extends GroupCommit.Call> {

  /** How many more batches a leader runs, while calls are pending, once its own call is answered. */
  private static final int BATCHES_AFTER_OWN = 8;

  /** Runs one batch: answers each call with {@link Call#succeed} or {@link Call#fail}. */
  @FunctionalInterface
  interface Executor<C> {
    void execute(List<C> batch);
  }

  /** One caller's operation and, once run, its outcome. */
  abstract static class Call {

    // package-private as GroupCommit reaches them through its type variable; tests read the outcome
    final Thread caller = Thread.currentThread();
    Object result;
    Throwable failure;
    boolean answered;
    volatile boolean done;

    /** Answers the call with {@code result}, unless it was answered already. */
    final void succeed(Object result) {
      if (!answered) {
        this.result = result;
        answered = true;
      }
    }

    /** Answers the call with {@code failure}, unless it was answered already. */
    final void fail(Throwable failure) {
      if (!answered) {
        this.failure = failure;
        answered = true;
      }
    }
  }

  private final Queue<C> pending = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean leading = new AtomicBoolean();
  private final int maxBatch;
  private final Executor<C> executor;

  GroupCommit(int maxBatch, Executor<C> executor) {
    this.maxBatch = maxBatch;
    this.executor = executor;
  }

  /**
   * Runs {@code call}, alone or with others; returns its result or throws its failure. Waits
   * uninterruptibly (for one batch's round trip), keeping the interrupt status.
   */
  Object run(C call) {
    pending.add(call);
    boolean interrupted = false;
    while (!call.done) {
      if (!leading.get() && leading.compareAndSet(false, true)) {
        try {
          int after = 0;
          while (!call.done || after++ < BATCHES_AFTER_OWN && !pending.isEmpty()) {
            runBatch();
          }
        } finally {
          leading.set(false);
        }
        // a caller that enqueued while this one led may have parked seeing a leader: wake it to lead
        C next = pending.peek();
        if (next != null) {
          LockSupport.unpark(next.caller);
        }
      } else {
        LockSupport.park(this);
        interrupted |= Thread.interrupted();
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    if (call.failure instanceof RuntimeException e) {
      throw e;
    }
    if (call.failure instanceof Error e) {
      throw e;
    }
    if (call.failure != null) {
      throw new IllegalStateException(call.failure);
    }
    return call.result;
  }

  private void runBatch() {
    List<C> batch = new ArrayList<>(Math.min(maxBatch, 16));
    for (C next; batch.size() < maxBatch && (next = pending.poll()) != null; ) {
      batch.add(next);
    }
    try {
      executor.execute(batch);
    } catch (RuntimeException | Error failed) {
      for (C call : batch) {
        call.fail(failed);
      }
    } finally {
      for (C call : batch) {
        call.fail(new IllegalStateException("the batch left the call unanswered"));
        call.done = true;
        if (call.caller != Thread.currentThread()) {
          LockSupport.unpark(call.caller);
        }
      }
    }
  }
}

package io.github.callpush.internal;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;

/**
 * Makes the daemon threads of one part of the library, each named {@code callpush-...}, and remembers them,
 * so that closing that part can wait until every one of them has ended: a servlet container that undeploys
 * the webapp then finds none of them holding its class loader.
 */
public final class OwnedThreads implements ThreadFactory {

  /** How long a thread whose executor has terminated, or was interrupted, may take to end. */
  private static final Duration THREAD_END = Duration.ofSeconds(5);

  private final String name;
  private final boolean numbered;
  private final AtomicInteger count = new AtomicInteger();
  private final Set<Thread> started = ConcurrentHashMap.newKeySet();

  private OwnedThreads(String name, boolean numbered) {
    this.name = name;
    this.numbered = numbered;
  }

  /** Threads all named {@code name}, for an executor of one thread. */
  public static OwnedThreads named(String name) {
    return new OwnedThreads(name, false);
  }

  /** Threads named {@code prefix-1}, {@code prefix-2}, ... */
  public static OwnedThreads numbered(String prefix) {
    return new OwnedThreads(prefix, true);
  }

  @Override
  public Thread newThread(Runnable task) {
    started.removeIf(thread -> !thread.isAlive());
    Thread thread = new Thread(task, numbered ? name + "-" + count.incrementAndGet() : name);
    thread.setDaemon(true);
    started.add(thread);
    return thread;
  }

  /**
   * Shuts {@code executor} (whose threads come from here) down and waits up to {@code wait} for its tasks
   * to finish, then for its threads to end; false when tasks still run (their threads are left to finish
   * them).
   */
  public boolean shutDown(ExecutorService executor, Duration wait) {
    executor.shutdown();
    try {
      if (!executor.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        return false;
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
    awaitEnd();
    return true;
  }

  /** Shuts {@code executor} (whose threads come from here) down now, interrupting its tasks; waits for its threads. */
  public void shutDownNow(ExecutorService executor) {
    executor.shutdownNow();
    awaitEnd();
  }

  /**
   * Waits until every thread made here has ended, for those whose work was stopped (an executor shut down,
   * a pool closed); WARNs naming any still running after a few seconds.
   */
  public void awaitEnd() {
    long deadline = System.nanoTime() + THREAD_END.toNanos();
    try {
      for (Thread thread : started) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
      }
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    List<String> running = started.stream().filter(Thread::isAlive).map(Thread::getName).sorted().toList();
    if (!running.isEmpty()) {
      LoggerFactory.getLogger(OwnedThreads.class).warn("threads {} did not end within {} s of being stopped", running,
          THREAD_END.toSeconds());
    }
  }
}

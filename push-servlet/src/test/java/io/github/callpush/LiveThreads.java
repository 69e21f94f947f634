package io.github.callpush;

import java.util.List;
import java.util.Set;

/** The threads of this JVM, to tell which a test started and left running. */
public final class LiveThreads {

  private final Set<Thread> before;

  private LiveThreads(Set<Thread> before) {
    this.before = before;
  }

  /** Remembers the threads running now. */
  public static LiveThreads snapshot() {
    return new LiveThreads(Set.copyOf(Thread.getAllStackTraces().keySet()));
  }

  /** The names of the threads started since the snapshot still running whose name has one of {@code parts}. */
  public List<String> startedSince(String... parts) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.isAlive() && !before.contains(thread))
        .map(Thread::getName)
        .filter(name -> List.of(parts).stream().anyMatch(name::contains))
        .sorted()
        .toList();
  }
}

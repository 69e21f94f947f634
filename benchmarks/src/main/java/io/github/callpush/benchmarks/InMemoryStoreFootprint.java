package io.github.callpush.benchmarks;

import io.github.callpush.dedup.InMemoryDedupStore;
import java.time.Duration;
import java.util.Locale;

/**
 * The heap that {@link InMemoryDedupStore} holds for many completed keys (goal: at most 200 MB for
 * 1,000,000). Run with {@code benchmarks/run-alloc.sh}, or {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.callpush.benchmarks.InMemoryStoreFootprint [keys]}.
 *
 * <p>Keys look like real ones: {@code accountId:eventUniqueId} (a 12-character account and a 32-hex
 * id, 45 characters) and a 12-character listener id. The last line printed is {@code keys bytes},
 * tab-separated, for scripts.
 */
public final class InMemoryStoreFootprint {

  private InMemoryStoreFootprint() {}

  /** Fills a store with {@code args[0]} (default 1,000,000) completed keys and prints the heap used. */
  public static void main(String[] args) {
    int keys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long before = usedAfterGc();
    InMemoryDedupStore store = InMemoryDedupStore.builder().maximumSize(keys).build();
    Duration day = Duration.ofHours(24);
    for (int i = 0; i < keys; i++) {
      String eventKey = String.format(Locale.ROOT, "N00000%06d:%032x", i % 1000, (long) i * 0x9E3779B97F4A7C15L);
      store.claim(eventKey, "cdr-archiver", "node-1:request-7", Duration.ofMinutes(5));
      store.complete(eventKey, "cdr-archiver", "node-1:request-7", day);
    }
    long bytes = usedAfterGc() - before;
    if (store.size() != keys) {
      throw new IllegalStateException("the store holds " + store.size() + " keys, not " + keys);
    }
    System.out.printf(
        Locale.ROOT,
        "%,d completed keys: %.1f MB of heap, %d bytes per key (max heap %d MB)%n%d\t%d%n",
        keys,
        bytes / 1e6,
        bytes / keys,
        Runtime.getRuntime().maxMemory() >> 20,
        keys,
        bytes);
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
    }
    return used;
  }
}

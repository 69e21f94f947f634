package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.callpush.event.PushEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code raw()} of a JSON push: parsed when first read, then a plain {@link ObjectNode} like readTree's. */
class DeferredTreeTest {

  private final JsonSource json = new JsonSource(new LocalTimes(PushDecoder.DEFAULT_ZONE), 32, 1 << 20, 64);

  @Test
  void parsesOnceWhenFirstReadAndEqualsReadTree() {
    AtomicInteger parses = new AtomicInteger();
    ObjectNode readTree = Samples.tree("valid/cdr.json");
    ObjectNode raw = DeferredTree.of(json, () -> {
      parses.incrementAndGet();
      return readTree.deepCopy();
    });

    assertThat(parses).hasValue(0);
    assertThat(raw).isEqualTo(readTree);
    assertThat(readTree).isEqualTo(raw);
    assertThat(raw.hashCode()).isEqualTo(readTree.hashCode());
    assertThat(raw.toString()).isEqualTo(readTree.toString());
    assertThat(raw.get("pushType").textValue()).isEqualTo("cdr");
    assertThat(raw.path("billCalls").size()).isEqualTo(2);
    assertThat(raw.size()).isEqualTo(readTree.size());
    assertThat(parses).hasValue(1);
  }

  @Test
  void changesAsAnObjectNodeDoes() {
    ObjectNode raw = DeferredTree.of(json, () -> Samples.tree("valid/login.json"));
    ObjectNode expected = Samples.tree("valid/login.json");
    for (ObjectNode node : List.of(raw, expected)) {
      node.put("note", "kept");
      node.remove("agentName");
      node.set("pushType", node.textNode("changed"));
      node.putObject("nested").put("n", 1);
    }
    assertThat(raw).isEqualTo(expected);
    assertThat(raw.toString()).isEqualTo(expected.toString());
    assertThat(raw.deepCopy()).isEqualTo(expected);
    raw.removeAll();
    assertThat(raw.isEmpty()).isTrue();
  }

  @Test
  void threadsReadingTheTreeFirstAtOnceParseItOnce() throws Exception {
    PushEvent event = PushDecoder.defaults().decode(Samples.bytes("valid/cdr.json"));
    ObjectNode expected = Samples.tree("valid/cdr.json");
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<JsonNode>> reads = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        reads.add(pool.submit(() -> {
          start.await();
          return event.raw().get("billCalls");
        }));
      }
      start.countDown();
      for (Future<JsonNode> read : reads) {
        assertThat(read.get()).isSameAs(reads.get(0).get()).isEqualTo(expected.get("billCalls"));
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(event.raw()).isSameAs(event.raw()).isEqualTo(expected);
  }
}

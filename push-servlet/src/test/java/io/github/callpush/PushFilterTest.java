package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.OutboundRing;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class PushFilterTest {

  @Test
  void answersItsPathAndPassesEverythingElseToTheApp() throws Exception {
    List<String> rings = new CopyOnWriteArrayList<>();
    PushReceiver receiver = PushReceiver.builder().allowUnverified().on("r", OutboundRing.class, ring -> rings.add(ring.eventId())).build();
    try (JettyHarness jetty = JettyHarness.filterInFront(new PushFilter(receiver, "/hooks/callpush"))) {
      var push = jetty.post("/hooks/callpush", Pushes.ring("e1"));
      var appPost = jetty.post("/orders", Pushes.ring("e2"));
      var appGet = jetty.send("GET", "/hooks/callpush/other");

      assertThat(push.statusCode()).isEqualTo(200);
      assertThat(push.body()).isEqualTo("success");
      assertThat(appPost.body()).isEqualTo("app");
      assertThat(appGet.body()).isEqualTo("app");
      assertThat(rings).containsExactly("e1");
    }
  }
}

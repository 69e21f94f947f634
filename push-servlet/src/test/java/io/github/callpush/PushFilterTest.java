package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.OutboundRing;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PushFilterTest {

  private final List<String> rings = new CopyOnWriteArrayList<>();

  /** The filter in front of an app servlet mapped at {@code appMapping}, in a context at {@code /shop}. */
  private JettyHarness filterInFrontOfAppAt(String appMapping) throws Exception {
    PushReceiver receiver = PushReceiver.builder().on("r", OutboundRing.class, ring -> rings.add(ring.eventId())).build();
    return JettyHarness.filterInFront(new PushFilter(receiver, "/hooks/callpush"), "/shop", appMapping);
  }

  @ParameterizedTest(name = "app servlet at {0}")
  @ValueSource(strings = {"/", "/*"})
  void answersItsPathAndPassesEverythingElseToTheApp(String appMapping) throws Exception {
    try (JettyHarness jetty = filterInFrontOfAppAt(appMapping)) {
      var push = jetty.post("/shop/hooks/callpush", Pushes.ring("e1"));
      var appPost = jetty.post("/shop/orders", Pushes.ring("e2"));
      var appGet = jetty.send("GET", "/shop/hooks/callpush/other");

      assertThat(push.statusCode()).isEqualTo(200);
      assertThat(push.body()).isEqualTo("success");
      assertThat(appPost.body()).isEqualTo("app");
      assertThat(appGet.body()).isEqualTo("app");
      assertThat(rings).containsExactly("e1");
    }
  }

  @ParameterizedTest(name = "app servlet at {0}")
  @ValueSource(strings = {"/", "/*"})
  void answersEverySpellingOfItsPathThatTheContainerMapsToTheSamePath(String appMapping) throws Exception {
    List<String> spellings = List.of("/shop/hooks/callpush;jsessionid=X", "/shop/hooks/%63allpush",
        "/shop/hooks/callpush/", "/shop/hooks/a/../callpush", "/shop/hooks/./callpush");
    try (JettyHarness jetty = filterInFrontOfAppAt(appMapping)) {
      Map<String, String> answers = new LinkedHashMap<>();
      for (String spelling : spellings) {
        answers.put(spelling, jetty.post(spelling, Pushes.ring("e-" + answers.size())).body());
      }

      assertThat(answers).allSatisfy((spelling, body) -> assertThat(body).as(spelling).isEqualTo("success"));
      assertThat(rings).containsExactly("e-0", "e-1", "e-2", "e-3", "e-4");
    }
  }

  @ParameterizedTest(name = "app servlet at {0}")
  @ValueSource(strings = {"/", "/*"})
  void passesPathsThatOnlyLookAlikeToTheApp(String appMapping) throws Exception {
    List<String> others = List.of("/shop/hooks/callpushx", "/shop/hooks/callpush/more", "/shop/hooks/callpush//",
        "/shop/hooks", "/shop/callpush", "/shop/", "/shop/hooks/callpush%2Fmore");
    try (JettyHarness jetty = filterInFrontOfAppAt(appMapping)) {
      Map<String, String> answers = new LinkedHashMap<>();
      for (String other : others) {
        answers.put(other, jetty.post(other, Pushes.ring("e1")).body());
      }

      assertThat(answers).allSatisfy((other, body) -> assertThat(body).as(other).isNotEqualTo("success"));
      assertThat(rings).isEmpty();
    }
  }
}

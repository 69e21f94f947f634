package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.ListenerRegistry.Registration;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.event.AgentLogin;
import io.github.callpush.event.CallStateEvent;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerRegistryTest {

  private static final PushEvent RING = PushDecoder.defaults().decode(Pushes.ring("e1"));
  private static final PushEvent UNKNOWN = PushDecoder.defaults().decode("{\"pushType\":\"queueOverflow\"}");

  private static List<String> matchingIds(ListenerRegistry registry, PushEvent event) {
    return registry.matching(event).stream().map(Registration::id).toList();
  }

  @Test
  void matchesByTypeSupertypePushTypeAndCatchAllInRegistrationOrder() {
    ListenerRegistry registry = new ListenerRegistry()
        .onAny("audit", event -> { })
        .on("ring", OutboundRing.class, ring -> { })
        .on("login", AgentLogin.class, login -> { })
        .on("any-call", CallStateEvent.class, call -> { })
        .onPushType("by-push-type", "DIALOUTRING", event -> { });

    assertThat(matchingIds(registry, RING)).containsExactly("audit", "ring", "any-call", "by-push-type");
  }

  @Test
  void unknownEventsReachCatchAllAndTheirPushTypeListenersOnly() {
    ListenerRegistry registry = new ListenerRegistry()
        .onAny("audit", event -> { })
        .on("ring", OutboundRing.class, ring -> { })
        .onPushType("overflow", "queueOverflow", event -> { });

    assertThat(matchingIds(registry, UNKNOWN)).containsExactly("audit", "overflow");
  }

  @Test
  void rejectsADuplicateOrBlankId() {
    ListenerRegistry registry = new ListenerRegistry().onAny("audit", event -> { });

    assertThatThrownBy(() -> registry.on("audit", OutboundRing.class, ring -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'audit' is already registered");
    assertThatThrownBy(() -> registry.onAny(" ", event -> { }))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be blank");
  }

  @Test
  void derivesIdsFromNamedClassesAndFromPositionForLambdas() {
    ListenerRegistry registry = new ListenerRegistry()
        .on(OutboundRing.class, new RingCounter())
        .on(OutboundRing.class, ring -> { })
        .on(OutboundRing.class, ring -> { });

    assertThat(registry.ids())
        .containsExactly(RingCounter.class.getName(), "OutboundRing#1", "OutboundRing#2");
  }

  @Test
  void listenersRegisteredAfterTheReceiverStartedAreCalled() {
    List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    try (PushReceiver receiver = PushReceiver.builder().allowUnverified().build()) {
      PushRequest push = PushRequest.builder().body(Pushes.ring("e1").getBytes(java.nio.charset.StandardCharsets.UTF_8)).build();
      receiver.handle(push);
      receiver.listeners().on("late", OutboundRing.class, ring -> calls.add(ring.eventId()));
      receiver.handle(push);
    }
    assertThat(calls).containsExactly("e1");
  }

  static final class RingCounter implements PushListener<OutboundRing> {
    @Override
    public void onEvent(OutboundRing event) {
      // counts nothing: only its class name matters here
    }
  }
}

package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.PushListener;
import io.github.callpush.PushReceiver;
import io.github.callpush.ReceivedPushListener;
import io.github.callpush.event.AgentLogin;
import io.github.callpush.event.CallStateEvent;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import io.github.callpush.spring.PushEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** How listener beans and {@link PushEventListener} methods are found, typed, named, and refused. */
class ListenerBeansTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(CallpushAutoConfiguration.class))
      .withPropertyValues("callpush.verification.allow-unverified=true");

  @Test
  void registersListenerBeansAndMethodsUnderStableIds() {
    runner.withUserConfiguration(Listeners.class).run(context -> assertThat(
        context.getBean(PushReceiver.class).listeners().ids()).containsExactlyInAnyOrder(
        "ringBean", "loginBean", "archive", "annotated#anyCall", "annotated#login", "custom-id"));
  }

  @Test
  void handsEachListenerOnlyItsEvents() {
    runner.withUserConfiguration(Listeners.class).run(context -> {
      PushReceiver receiver = context.getBean(PushReceiver.class);
      Pushes.handle(receiver, Pushes.ring("r1"));
      Pushes.handle(receiver, Pushes.login("l1"));
      assertThat(context.getBean(Listeners.class).calls).containsExactlyInAnyOrder(
          "ringBean r1", "annotated#anyCall r1", "custom-id r1", "archive r1 bytes",
          "loginBean l1", "annotated#login l1", "archive l1 bytes");
    });
  }

  @Test
  void republishesEventsToTheContextOnlyWhenAsked() {
    runner.withUserConfiguration(Listeners.class).run(context -> {
      Pushes.handle(context.getBean(PushReceiver.class), Pushes.ring("r1"));
      assertThat(context.getBean(Listeners.class).calls).doesNotContain("applicationEvent r1");
    });
    runner.withUserConfiguration(Listeners.class).withPropertyValues("callpush.publish-application-events=true")
        .run(context -> {
          PushReceiver receiver = context.getBean(PushReceiver.class);
          assertThat(receiver.listeners().ids()).endsWith(ListenerBeans.APPLICATION_EVENTS_ID);
          Pushes.handle(receiver, Pushes.ring("r1"));
          assertThat(context.getBean(Listeners.class).calls).contains("applicationEvent r1");
        });
  }

  @Test
  void refusesAListenerBeanWhoseEventTypeCannotBeTold() {
    runner.withUserConfiguration(UntypedListener.class).run(context -> assertThat(context.getStartupFailure())
        .hasMessageContaining("cannot tell which events the PushListener bean 'untyped' handles"));
  }

  @Test
  void refusesAnnotatedMethodsThatCannotTakeTheEvent() {
    runner.withUserConfiguration(TwoParameters.class).run(context -> assertThat(context.getStartupFailure())
        .hasMessageContaining("TwoParameters.on must take exactly one parameter, the event"));
    runner.withUserConfiguration(WrongParameter.class).run(context -> assertThat(context.getStartupFailure())
        .hasMessageContaining("WrongParameter.on takes " + OutboundRing.class.getName() + ", which cannot hold the "
            + AgentLogin.class.getName()));
    runner.withUserConfiguration(NotAnEvent.class).run(context -> assertThat(context.getStartupFailure())
        .hasMessageContaining("NotAnEvent.on takes java.lang.String"));
  }

  @Test
  void refusesTwoListenersUnderOneId() {
    runner.withUserConfiguration(SameIdTwice.class).run(context -> assertThat(context.getStartupFailure())
        .hasMessageContaining("listener id 'twice' is already registered"));
  }

  @Configuration(proxyBeanMethods = false)
  static class Listeners {

    final List<String> calls = new CopyOnWriteArrayList<>();

    @Bean
    RingBean ringBean() {
      return new RingBean(calls);
    }

    @Bean
    PushListener<AgentLogin> loginBean() {
      return login -> calls.add("loginBean " + login.eventId());
    }

    @Bean
    ReceivedPushListener archive() {
      return push -> calls.add("archive " + push.event().eventId() + (push.body().length > 0 ? " bytes" : " empty"));
    }

    @Bean
    Annotated annotated() {
      return new Annotated(calls);
    }
  }

  /** Its event type comes from its class's type argument. */
  static final class RingBean implements PushListener<OutboundRing> {

    private final List<String> calls;

    RingBean(List<String> calls) {
      this.calls = calls;
    }

    @Override
    public void onEvent(OutboundRing ring) {
      calls.add("ringBean " + ring.eventId());
    }
  }

  static final class Annotated {

    private final List<String> calls;

    Annotated(List<String> calls) {
      this.calls = calls;
    }

    @PushEventListener
    void anyCall(CallStateEvent call) {
      calls.add("annotated#anyCall " + call.eventId());
    }

    @PushEventListener(AgentLogin.class)
    void login(PushEvent login) {
      calls.add("annotated#login " + login.eventId());
    }

    @PushEventListener(id = "custom-id")
    void ring(OutboundRing ring) {
      calls.add("custom-id " + ring.eventId());
    }

    @EventListener
    void applicationEvent(OutboundRing ring) {
      calls.add("applicationEvent " + ring.eventId());
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UntypedListener {

    @Bean
    Object untyped() {
      PushListener<OutboundRing> listener = ring -> { };
      return listener;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class TwoParameters {

    @PushEventListener
    void on(OutboundRing ring, String other) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class WrongParameter {

    @PushEventListener(AgentLogin.class)
    void on(OutboundRing ring) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class NotAnEvent {

    @PushEventListener
    void on(String ring) {}
  }

  @Configuration(proxyBeanMethods = false)
  static class SameIdTwice {

    @PushEventListener(id = "twice")
    void first(OutboundRing ring) {}

    @PushEventListener(id = "twice")
    void second(OutboundRing ring) {}
  }
}

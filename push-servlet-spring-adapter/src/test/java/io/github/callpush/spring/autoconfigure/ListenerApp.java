package io.github.callpush.spring.autoconfigure;

import io.github.callpush.PushObserver;
import io.github.callpush.event.PushEvent;
import io.github.callpush.PushListener;
import io.github.callpush.event.AgentLogin;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import io.github.callpush.spring.PushEventListener;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * A Spring Boot application with listeners of every kind: a {@link PushListener} class bean, a lambda
 * bean, {@link PushEventListener} methods and an {@link EventListener} for re-published events. A
 * listener fails the first delivery of an event whose id contains {@code <its name>-fails}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ListenerApp {

  /** Ids under which the listeners register and record. */
  static final String RING_BEAN = "ringListener";
  static final String LOGIN_BEAN = "loginListener";
  static final String RING_METHOD = "callLog#onRing";
  static final String LOGIN_METHOD = "logins";
  static final String APPLICATION_EVENT = "applicationEvent";

  @Bean
  Deliveries deliveries() {
    return new Deliveries();
  }

  /** Every listener failure, as the receiver reports it to the application's handler. */
  @Bean
  List<Throwable> failures() {
    return new CopyOnWriteArrayList<>();
  }

  @Bean
  PushObserver failureObserver(List<Throwable> failures) {
    return new PushObserver() {
      @Override
      public void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
        failures.add(failure);
      }
    };
  }

  @Bean
  RingListener ringListener(Deliveries deliveries) {
    return new RingListener(deliveries);
  }

  @Bean
  PushListener<AgentLogin> loginListener(Deliveries deliveries) {
    return login -> deliveries.recordSuccess(LOGIN_BEAN, login.eventId());
  }

  @Bean
  CallLog callLog(Deliveries deliveries) {
    return new CallLog(deliveries);
  }

  /** A listener bean; its type argument says which events it gets. */
  static final class RingListener implements PushListener<OutboundRing> {

    private final Deliveries deliveries;

    RingListener(Deliveries deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void onEvent(OutboundRing ring) {
      if (failsFirst(deliveries, RING_BEAN, ring.eventId(), "ringListener-fails")) {
        throw new IllegalStateException("ringListener fails the first delivery of " + ring.eventId());
      }
      deliveries.recordSuccess(RING_BEAN, ring.eventId());
    }
  }

  /** A bean whose annotated methods are listeners. */
  static class CallLog {

    private final Deliveries deliveries;

    CallLog(Deliveries deliveries) {
      this.deliveries = deliveries;
    }

    @PushEventListener
    void onRing(OutboundRing ring) throws IOException {
      if (failsFirst(deliveries, RING_METHOD, ring.eventId(), "onRing-fails")) {
        throw new IOException("onRing fails the first delivery of " + ring.eventId());
      }
      deliveries.recordSuccess(RING_METHOD, ring.eventId());
    }

    @PushEventListener(value = AgentLogin.class, id = LOGIN_METHOD)
    void onLogin(PushEvent login) {
      deliveries.recordSuccess(LOGIN_METHOD, login.eventId());
    }

    @EventListener
    void onApplicationEvent(OutboundRing ring) {
      deliveries.recordSuccess(APPLICATION_EVENT, ring.eventId());
    }
  }

  /** Whether this is the first delivery of an event that {@code marker} says should fail it. */
  private static boolean failsFirst(Deliveries deliveries, String listener, String eventId, String marker) {
    boolean fails = eventId.contains(marker) && deliveries.attempts(listener, eventId) == 0;
    if (fails) {
      deliveries.recordAttempt(listener, eventId);
    }
    return fails;
  }
}

package io.github.callpush.apps;

import io.github.callpush.event.PushEvent;
import io.github.callpush.spring.PushEventListener;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.stereotype.Component;

/**
 * A Spring Boot application written from the README: the adapter, the web and actuator starters, a
 * catch-all listener, and {@code application.properties}; the verification comes from its arguments.
 */
@SpringBootApplication
public class PushApp {

  /** The prefix of event ids whose listener fails, so that tests can count a failed listener. */
  public static final String FAILING_EVENT = "fail-";

  /** Starts the application. */
  public static void main(String[] arguments) {
    SpringApplication.run(PushApp.class, arguments);
  }

  /** Every event; throws for an event whose id starts with {@link #FAILING_EVENT}. */
  @Component
  static class AllEvents {

    @PushEventListener
    void all(PushEvent event) {
      if (event.eventId() != null && event.eventId().startsWith(FAILING_EVENT)) {
        throw new IllegalStateException("this listener fails every event whose id starts with " + FAILING_EVENT);
      }
    }
  }
}

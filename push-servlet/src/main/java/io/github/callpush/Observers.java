package io.github.callpush;

import io.github.callpush.event.PushEvent;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receiver's {@link PushObserver}s as one: each is told in turn, and what one throws is logged and ignored.
 * The requests they see have the verifier's credential parameters and headers masked.
 */
final class Observers {

  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);

  private final List<PushObserver> observers;
  private final boolean logListenerFailures;
  private final Set<String> credentialParameters;
  private final Set<String> credentialHeaders;

  Observers(ReceiverSettings settings) {
    this.observers = settings.observers();
    this.logListenerFailures = settings.logListenerFailures();
    this.credentialParameters = settings.credentialParameters();
    this.credentialHeaders = settings.credentialHeaders();
  }

  /** Whether there is nobody to tell, so that callers need not build what they would be told. */
  boolean isEmpty() {
    return observers.isEmpty();
  }

  /** The request as observers are shown it: the verifier's credentials masked; itself when nobody observes. */
  PushRequest shown(PushRequest request) {
    return observers.isEmpty() ? request : request.masking(credentialParameters, credentialHeaders);
  }

  /** Tells every observer of a request already {@link #shown}. */
  void received(PushRequest shown) {
    if (!observers.isEmpty()) {
      tell("a received push", observer -> observer.received(shown));
    }
  }

  /** Logs the failure at WARN (unless told not to), then tells every observer. */
  void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
    if (logListenerFailures && failure instanceof RetryLaterException unavailable) {
      LOG.warn("listener {} cannot hand push {} event {} on for now, retry later: {}", listenerId, event.pushType(),
          event.eventId(), unavailable.getMessage());
    } else if (logListenerFailures) {
      LOG.warn("listener {} failed on push {} event {}", listenerId, event.pushType(), event.eventId(), failure);
    }
    tell("a listener failure", observer -> observer.listenerFailed(event, listenerId, failure));
  }

  /** Tells every observer how long a listener ran and whether it succeeded. */
  void listenerRan(PushEvent event, String listenerId, long nanos, boolean succeeded) {
    if (!observers.isEmpty()) {
      tell("a listener's run", observer -> observer.listenerRan(event, listenerId, nanos, succeeded));
    }
  }

  /** Tells every observer of an exchange whose request was {@link #shown}. */
  void answered(PushExchange exchange) {
    tell("an answer", observer -> observer.answered(exchange));
  }

  private void tell(String what, Consumer<PushObserver> call) {
    for (PushObserver observer : observers) {
      try {
        call.accept(observer);
      } catch (RuntimeException observerFailed) {
        LOG.warn("observer {} threw on {}", observer, what, observerFailed);
      }
    }
  }
}

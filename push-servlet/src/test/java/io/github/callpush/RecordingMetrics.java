package io.github.callpush;

import io.github.callpush.event.PushEvent;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records what an observer is told, as one name per call, for assertions. */
final class RecordingMetrics implements PushObserver {

  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void received(PushRequest request) {
    events.add("received");
  }

  @Override
  public void listenerFailed(PushEvent event, String listenerId, Throwable failure) {
    events.add("listenerFailed:" + listenerId);
  }

  @Override
  public void answered(PushExchange exchange) {
    Outcome outcome = exchange.outcome();
    if (outcome instanceof Rejection rejection) {
      events.add("rejected:" + rejection.code().toUpperCase(Locale.ROOT));
    } else if (outcome instanceof Outcome.ListenersFailed) {
      events.add("listenersFailed");
    } else if (outcome == Outcome.RetryLater.IN_FLIGHT) {
      events.add("inFlightDuplicate");
    } else if (outcome == Outcome.RetryLater.STORE_UNAVAILABLE) {
      events.add("storeUnavailable");
    } else if (outcome == Outcome.RetryLater.DEADLINE_PASSED) {
      events.add("deadlinePassed");
    } else if (outcome instanceof Outcome.Acknowledged acknowledged) {
      events.add(acknowledged.code());
    }
  }
}

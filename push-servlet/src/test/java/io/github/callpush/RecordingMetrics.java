package io.github.callpush;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every metrics call by name, for assertions. */
final class RecordingMetrics implements PushMetrics {

  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public void received() {
    events.add("received");
  }

  @Override
  public void rejected(RejectReason reason) {
    events.add("rejected:" + reason);
  }

  @Override
  public void duplicate() {
    events.add("duplicate");
  }

  @Override
  public void inFlightDuplicate() {
    events.add("inFlightDuplicate");
  }

  @Override
  public void handled() {
    events.add("handled");
  }

  @Override
  public void unhandled() {
    events.add("unhandled");
  }

  @Override
  public void listenerFailed(String listenerId) {
    events.add("listenerFailed:" + listenerId);
  }

  @Override
  public void listenersFailed() {
    events.add("listenersFailed");
  }

  @Override
  public void deadlinePassed() {
    events.add("deadlinePassed");
  }

  @Override
  public void storeUnavailable() {
    events.add("storeUnavailable");
  }
}

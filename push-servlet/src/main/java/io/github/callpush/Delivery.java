package io.github.callpush;

import io.github.callpush.ListenerRegistry.Registration;
import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.DedupStoreException;
import io.github.callpush.event.PushEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One delivery of one event: claims the matching listeners, runs those it acquired, completes or
 * releases each claim, and tells how it went. Not thread-safe; one per request.
 */
final class Delivery {

  /** How a delivery ended. */
  enum Outcome {
    /** Every matching listener is done, now or before. */
    DONE,
    /** Nothing ran: every matching listener was already done. */
    DUPLICATE,
    /** No listener matched. */
    UNHANDLED,
    /** Some listener is still running in another delivery. */
    IN_FLIGHT,
    /** A listener threw. */
    FAILED,
    /** The dedup store failed; nothing was claimed, or a completion could not be recorded. */
    STORE_UNAVAILABLE
  }

  private static final int COMPLETE_RETRIES = 5;
  private static final long COMPLETE_BACKOFF_MILLIS = 50;

  private final PushReceiver receiver;
  private final PushEvent event;
  private final String eventKey;
  private final List<Registration> acquired = new ArrayList<>(2);
  private final String owner;
  private boolean dedup = true;
  private int completedBefore;
  private int inFlight;
  private int failed;
  private int expired;
  private Instant leaseEnds;
  private boolean storeFailedOnComplete;
  private int matched;

  Delivery(PushReceiver receiver, PushEvent event, String eventKey, String owner) {
    this.receiver = receiver;
    this.event = event;
    this.eventKey = eventKey;
    this.owner = owner;
  }

  PushEvent event() {
    return event;
  }

  String eventKey() {
    return eventKey;
  }

  int ran() {
    return acquired.size() - expired;
  }

  /**
   * Claims every matching listener before any runs, so that a store failure runs none.
   *
   * @return false when the store failed and the receiver does not fail open; nothing is then claimed
   */
  boolean claim(List<Registration> matching) {
    matched = matching.size();
    leaseEnds = receiver.clock().instant().plus(receiver.lease());
    DedupStore store = receiver.store();
    try {
      for (Registration registration : matching) {
        Claim claim = store.claim(eventKey, registration.id(), owner, receiver.lease());
        switch (claim) {
          case ACQUIRED -> acquired.add(registration);
          case COMPLETED -> completedBefore++;
          case IN_FLIGHT -> inFlight++;
        }
      }
      return true;
    } catch (DedupStoreException unavailable) {
      acquired.forEach(this::release);
      acquired.clear();
      completedBefore = 0;
      inFlight = 0;
      if (!receiver.failOpen()) {
        receiver.log().warn("dedup store unavailable; answering 503, no listener ran: {}", unavailable.toString());
        return false;
      }
      receiver.log().warn("dedup store unavailable; failing open, listeners run without dedup: {}",
          unavailable.toString());
      dedup = false;
      acquired.addAll(matching);
      return true;
    }
  }

  /**
   * Runs the acquired listeners in registration order and records each result. A listener whose lease
   * ran out while earlier ones ran is not started: another delivery may have taken it over, and the
   * platform's retry runs it if nobody has.
   */
  Outcome run() {
    for (Registration registration : acquired) {
      if (dedup && !receiver.clock().instant().isBefore(leaseEnds)) {
        expired++;
        receiver.log().warn("listener {} on event {} not started: its {} ms lease ran out while earlier listeners "
            + "ran; answering 503 so a retry runs it", registration.id(), eventKey, receiver.lease().toMillis());
        release(registration);
        continue;
      }
      try {
        registration.listener().onEvent(event);
      } catch (Exception | LinkageError | AssertionError failure) {
        failed++;
        receiver.metrics().listenerFailed(registration.id());
        receiver.listenerFailed(event, registration.id(), failure);
        release(registration);
        continue;
      }
      complete(registration);
    }
    return outcome();
  }

  private Outcome outcome() {
    if (failed > 0) {
      return Outcome.FAILED;
    }
    if (storeFailedOnComplete) {
      return Outcome.STORE_UNAVAILABLE;
    }
    if (inFlight > 0 || expired > 0) {
      return Outcome.IN_FLIGHT;
    }
    if (matched == 0) {
      return Outcome.UNHANDLED;
    }
    return acquired.isEmpty() && completedBefore > 0 ? Outcome.DUPLICATE : Outcome.DONE;
  }

  /**
   * Records a success. A store outage here is retried for about a second and a half: giving up means the
   * listener runs again once its lease expires.
   */
  private void complete(Registration registration) {
    if (!dedup) {
      return;
    }
    for (int attempt = 0; ; attempt++) {
      try {
        if (receiver.store().complete(eventKey, registration.id(), owner, receiver.retention())) {
          return;
        }
        if (attempt == 0) {
          receiver.log().warn("listener {} finished event {} after its lease was taken over; it may run twice",
              registration.id(), eventKey);
        } else {
          receiver.log().warn("listener {} finished event {}: the store's answer to an earlier completion was lost; "
              + "either that completion was recorded or the lease was taken over", registration.id(), eventKey);
        }
        return;
      } catch (DedupStoreException unavailable) {
        if (attempt == COMPLETE_RETRIES || !pause(COMPLETE_BACKOFF_MILLIS << attempt)) {
          storeFailedOnComplete = true;
          receiver.log().warn("listener {} handled event {} but the dedup store could not record it; it runs again "
              + "when its lease expires: {}", registration.id(), eventKey, unavailable.toString());
          return;
        }
      }
    }
  }

  private static boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return true;
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void release(Registration registration) {
    if (!dedup) {
      return;
    }
    try {
      receiver.store().release(eventKey, registration.id(), owner);
    } catch (DedupStoreException unavailable) {
      receiver.log().warn("could not release the claim of listener {} on event {}; a retry waits for its lease: {}",
          registration.id(), eventKey, unavailable.toString());
    }
  }
}

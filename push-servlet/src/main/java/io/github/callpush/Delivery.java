package io.github.callpush;

import io.github.callpush.ListenerRegistry.Registration;
import io.github.callpush.dedup.Claim;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.DedupStoreException;
import io.github.callpush.event.PushEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One delivery of one event: claims the matching listeners in the dedup store, runs those it
 * acquired, completes or releases each claim, and tells the {@link Outcome}. Not thread-safe; one per
 * request.
 */
final class Delivery implements Admission {

  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);
  private static final int COMPLETE_RETRIES = 5;
  private static final long COMPLETE_BACKOFF_MILLIS = 50;

  private final ReceiverSettings settings;
  private final DedupStore store;
  private final Observers observers;
  private final ReceivedPush push;
  private final PushEvent event;
  private final String eventKey;
  private final List<Registration> acquired = new ArrayList<>(2);
  private final String owner;
  private boolean dedup = true;
  private int completedBefore;
  private int inFlight;
  private int failed;
  private int unavailable;
  private int expired;
  private Instant leaseEnds;
  private boolean storeFailedOnComplete;
  private int matched;

  Delivery(ReceiverSettings settings, Observers observers, ReceivedPush push) {
    this.settings = settings;
    this.store = settings.store();
    this.observers = observers;
    this.push = push;
    this.event = push.event();
    this.eventKey = push.eventKey();
    this.owner = newOwnerToken();
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
    leaseEnds = settings.clock().instant().plus(settings.lease());
    try {
      for (Registration registration : matching) {
        Claim claim = store.claim(eventKey, registration.id(), owner, settings.lease());
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
      if (!settings.failOpen()) {
        LOG.warn("dedup store unavailable; answering 503, no listener ran: {}", unavailable.toString());
        return false;
      }
      LOG.warn("dedup store unavailable; failing open, listeners run without dedup: {}",
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
      if (dedup && !settings.clock().instant().isBefore(leaseEnds)) {
        expired++;
        LOG.warn("listener {} on event {} not started: its {} ms lease ran out while earlier listeners "
            + "ran; answering 503 so a retry runs it", registration.id(), eventKey, settings.lease().toMillis());
        release(registration);
        continue;
      }
      long start = System.nanoTime();
      try {
        registration.listener().onPush(push);
      } catch (Exception | LinkageError | AssertionError failure) {
        failed++;
        if (failure instanceof RetryLaterException) {
          unavailable++;
        }
        observers.listenerFailed(event, registration.id(), failure);
        observers.listenerRan(event, registration.id(), System.nanoTime() - start, false);
        release(registration);
        continue;
      }
      observers.listenerRan(event, registration.id(), System.nanoTime() - start, true);
      complete(registration);
    }
    return outcome();
  }

  private Outcome outcome() {
    if (failed > 0 && unavailable == failed) {
      return Outcome.RetryLater.LISTENER_UNAVAILABLE;
    }
    if (failed > 0) {
      return new Outcome.ListenersFailed(Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16));
    }
    if (storeFailedOnComplete) {
      return Outcome.RetryLater.STORE_UNAVAILABLE;
    }
    if (inFlight > 0 || expired > 0) {
      return Outcome.RetryLater.IN_FLIGHT;
    }
    if (matched == 0) {
      return Outcome.Acknowledged.UNHANDLED;
    }
    return acquired.isEmpty() && completedBefore > 0 ? Outcome.Acknowledged.DUPLICATE : Outcome.Acknowledged.HANDLED;
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
        if (store.complete(eventKey, registration.id(), owner, settings.retention())) {
          return;
        }
        if (attempt == 0) {
          LOG.warn("listener {} finished event {} after its lease was taken over; it may run twice",
              registration.id(), eventKey);
        } else {
          LOG.warn("listener {} finished event {}: the store's answer to an earlier completion was lost; "
              + "either that completion was recorded or the lease was taken over", registration.id(), eventKey);
        }
        return;
      } catch (DedupStoreException unavailable) {
        if (attempt == COMPLETE_RETRIES || !pause(COMPLETE_BACKOFF_MILLIS << attempt)) {
          storeFailedOnComplete = true;
          LOG.warn("listener {} handled event {} but the dedup store could not record it; it runs again "
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

  /** A random token that tells this delivery's claims from those of any other. */
  private static String newOwnerToken() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
  }

  private void release(Registration registration) {
    if (!dedup) {
      return;
    }
    try {
      store.release(eventKey, registration.id(), owner);
    } catch (DedupStoreException unavailable) {
      LOG.warn("could not release the claim of listener {} on event {}; a retry waits for its lease: {}",
          registration.id(), eventKey, unavailable.toString());
    }
  }
}

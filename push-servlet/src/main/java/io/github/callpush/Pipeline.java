package io.github.callpush;

import io.github.callpush.decode.PushDecodingException;
import io.github.callpush.event.PushEvent;
import io.github.callpush.internal.EventKeys;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One push through the stages of {@code design.md} section 1, in order: {@link RequestCheck} (method,
 * limit, verification), decoding, the event key, {@link Delivery} (claims, then listeners, run by the
 * {@link ListenerRunner}), and {@link Answers} (the answer, the log, the observers).
 */
final class Pipeline implements AutoCloseable {

  private final ReceiverSettings settings;
  private final RequestCheck check;
  private final Observers observers;
  private final ListenerRunner runner;
  private final Answers answers;

  Pipeline(ReceiverSettings settings) {
    this.settings = settings;
    this.check = new RequestCheck(settings);
    this.observers = new Observers(settings);
    this.runner = new ListenerRunner(settings);
    this.answers = new Answers(settings, observers);
  }

  PushResponse handle(PushRequest request) {
    long start = System.nanoTime();
    Instant receivedAt = settings.clock().instant();
    Admission admission = admit(request);
    if (admission instanceof Admission.Decided decided) {
      return answers.answer(request, receivedAt, start, decided.outcome(), decided.delivery());
    }
    Delivery delivery = (Delivery) admission;
    return answers.answer(request, receivedAt, start, runner.run(delivery), delivery);
  }

  CompletableFuture<PushResponse> handleAsync(PushRequest request) {
    long start = System.nanoTime();
    Instant receivedAt = settings.clock().instant();
    Admission admission = admit(request);
    if (admission instanceof Admission.Decided decided) {
      return CompletableFuture.completedFuture(
          answers.answer(request, receivedAt, start, decided.outcome(), decided.delivery()));
    }
    Delivery delivery = (Delivery) admission;
    return runner.runAsync(delivery).thenApply(outcome -> answers.answer(request, receivedAt, start, outcome, delivery));
  }

  /** Answers a rejection its front end found while reading the body (over the limit, cut short). */
  PushResponse refuse(PushRequest request, Rejection rejection) {
    observers.received(request);
    return answers.answer(request, settings.clock().instant(), System.nanoTime(), rejection, null);
  }

  boolean hasAckDeadline() {
    return runner.hasDeadline();
  }

  @Override
  public void close() {
    runner.close();
  }

  /** The request checked, decoded and its listeners claimed; or the outcome that ends it before any listener. */
  private Admission admit(PushRequest request) {
    if (RequestCheck.isUrlCheck(request)) {
      return new Admission.Decided(new Outcome.UrlCheck(), null);
    }
    observers.received(request);
    Optional<Rejection> refusal = check.refusal(request);
    if (refusal.isPresent()) {
      return new Admission.Decided(refusal.get(), null);
    }
    PushEvent event;
    try {
      event = settings.decoder().decode(request.body(), request.contentType());
    } catch (PushDecodingException notAnEvent) {
      return new Admission.Decided(new Rejection.Malformed(notAnEvent.getMessage()), null);
    }
    Delivery delivery = new Delivery(settings, observers, event, EventKeys.of(event, request.body()));
    if (!delivery.claim(settings.listeners().matching(event))) {
      return new Admission.Decided(Outcome.RetryLater.STORE_UNAVAILABLE, delivery);
    }
    return delivery;
  }
}

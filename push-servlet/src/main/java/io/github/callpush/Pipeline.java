package io.github.callpush;

import io.github.callpush.decode.PushDecodingException;
import io.github.callpush.event.PushEvent;
import io.github.callpush.internal.EventKeys;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
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
  private final Set<String> credentialParameters;

  Pipeline(ReceiverSettings settings) {
    this.settings = settings;
    this.credentialParameters = settings.credentialParameters();
    this.check = new RequestCheck(settings);
    this.observers = new Observers(settings);
    this.runner = new ListenerRunner(settings);
    this.answers = new Answers(settings, observers);
  }

  PushResponse handle(PushRequest request) {
    long start = System.nanoTime();
    Instant receivedAt = settings.clock().instant();
    PushRequest shown = observers.shown(request);
    PushRequest push = pushOf(request, shown);
    Admission admission = admit(request, shown, push, receivedAt);
    if (admission instanceof Admission.Decided decided) {
      return answers.answer(push, receivedAt, start, decided.outcome(), decided.delivery());
    }
    Delivery delivery = (Delivery) admission;
    return answers.answer(push, receivedAt, start, runner.run(delivery), delivery);
  }

  CompletableFuture<PushResponse> handleAsync(PushRequest request) {
    long start = System.nanoTime();
    Instant receivedAt = settings.clock().instant();
    PushRequest shown = observers.shown(request);
    PushRequest push = pushOf(request, shown);
    Admission admission = admit(request, shown, push, receivedAt);
    if (admission instanceof Admission.Decided decided) {
      return CompletableFuture.completedFuture(
          answers.answer(push, receivedAt, start, decided.outcome(), decided.delivery()));
    }
    Delivery delivery = (Delivery) admission;
    return runner.runAsync(delivery).thenApply(outcome -> answers.answer(push, receivedAt, start, outcome, delivery));
  }

  /** Answers a rejection its front end found while reading the body (over the limit, cut short). */
  PushResponse refuse(PushRequest request, Rejection rejection) {
    PushRequest shown = observers.shown(request);
    observers.received(shown);
    return answers.answer(shown, settings.clock().instant(), System.nanoTime(), rejection, null);
  }

  boolean hasAckDeadline() {
    return runner.hasDeadline();
  }

  @Override
  public void close() {
    runner.close();
  }

  /**
   * The request as the later stages and the answer's observers see it: for a GET carrying the older push, the
   * form POST it stands for, its credential parameters left out; else the request as {@code shown}.
   */
  private PushRequest pushOf(PushRequest request, PushRequest shown) {
    return GetPush.isPush(request) ? observers.shown(GetPush.asForm(request, credentialParameters)) : shown;
  }

  /**
   * The request checked, decoded and its listeners claimed; or the outcome that ends it before any listener.
   * The request as sent is verified, and {@code shown} to the observers with its credentials masked; its
   * {@code push} form is decoded.
   */
  private Admission admit(PushRequest request, PushRequest shown, PushRequest push, Instant receivedAt) {
    if (RequestCheck.isUrlCheck(request)) {
      return new Admission.Decided(new Outcome.UrlCheck(), null);
    }
    observers.received(shown);
    Optional<Rejection> refusal = check.refusal(request);
    if (refusal.isPresent()) {
      return new Admission.Decided(refusal.get(), null);
    }
    PushEvent event;
    try {
      event = settings.decoder().decode(push.body(), push.contentType(), receivedAt);
    } catch (PushDecodingException notAnEvent) {
      return new Admission.Decided(new Rejection.Malformed(notAnEvent.getMessage()), null);
    }
    Delivery delivery = new Delivery(settings, observers,
        new ReceivedPush(event, EventKeys.of(event, push.body()), push.body(), push.contentType(), receivedAt));
    if (!delivery.claim(settings.listeners().matching(event))) {
      return new Admission.Decided(Outcome.RetryLater.STORE_UNAVAILABLE, delivery);
    }
    return delivery;
  }
}

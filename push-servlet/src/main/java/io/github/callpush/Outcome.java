package io.github.callpush;

import java.util.Locale;

/**
 * How the receiver answered one request, and why: the platform's retry logic keys on the
 * {@linkplain #status() status}; {@link #code()} names the outcome in metrics and logs.
 */
public sealed interface Outcome permits Outcome.UrlCheck, Outcome.Acknowledged, Outcome.RetryLater,
    Outcome.ListenersFailed, Rejection {

  /** The HTTP status answered. */
  int status();

  /** The outcome's name in snake case, as metrics tag it ({@code handled}, {@code too_large}...). */
  String code();

  /** A GET or HEAD without a push: the platform checking that the URL answers (200). */
  record UrlCheck() implements Outcome {

    @Override
    public int status() {
      return 200;
    }

    @Override
    public String code() {
      return "url_check";
    }
  }

  /** The push is acknowledged with the configured body (200). */
  enum Acknowledged implements Outcome {
    /** Every matching listener is done, some of them in this delivery. */
    HANDLED,
    /** Every matching listener had handled the event in an earlier delivery: none ran. */
    DUPLICATE,
    /** No listener matched the event. */
    UNHANDLED;

    @Override
    public int status() {
      return 200;
    }

    @Override
    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The platform is asked to retry later: 503 with {@code Retry-After}; nothing is lost. */
  enum RetryLater implements Outcome {
    /** Another delivery of the event is still running its listeners. */
    IN_FLIGHT("in_flight", "another delivery of this event is still being handled"),
    /** The dedup store failed: nothing was claimed, or a completion could not be recorded. */
    STORE_UNAVAILABLE("store_unavailable", "dedup store unavailable"),
    /** The listeners still ran at the acknowledgement deadline; they finish and record their completion. */
    DEADLINE_PASSED("ack_deadline", "still being handled; retry later"),
    /** A listener threw {@link RetryLaterException}: what it hands pushes on to is unavailable for now. */
    LISTENER_UNAVAILABLE("listener_unavailable", "a listener cannot hand the push on for now; retry later");

    private final String code;
    private final String reason;

    RetryLater(String code, String reason) {
      this.code = code;
      this.reason = reason;
    }

    @Override
    public int status() {
      return 503;
    }

    @Override
    public String code() {
      return code;
    }

    /** Why, as the answer's body says it. */
    public String reason() {
      return reason;
    }
  }

  /**
   * One or more listeners threw (500); the others ran, and the platform's retry runs only those that
   * failed.
   *
   * @param errorId the id in the answer and in the WARN log, to find one in the other
   */
  record ListenersFailed(String errorId) implements Outcome {

    @Override
    public int status() {
      return 500;
    }

    @Override
    public String code() {
      return "listener_failed";
    }
  }
}

package io.github.callpush;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import io.github.callpush.event.CallRecord;
import io.github.callpush.event.CallSheetEvent;
import io.github.callpush.event.CallStateEvent;
import io.github.callpush.event.PhoneNumbers;
import io.github.callpush.event.PushEvent;
import io.github.callpush.event.WebcallResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last stage, and the one place that turns an {@link Outcome} into what follows from it: the HTTP
 * answer (status, headers, a JSON error body), the log line, and the {@link PushExchange} every
 * observer (metrics, dead letters) is told of.
 */
final class Answers {

  private static final Logger LOG = LoggerFactory.getLogger(PushReceiver.class);
  /**
   * Error bodies are few and small: no buffer recycling, whose default pool is a {@code ThreadLocal} of
   * the container's threads that would pin an undeployed webapp's class loader.
   */
  private static final JsonFactory JSON_FACTORY =
      JsonFactory.builder().recyclerPool(JsonRecyclerPools.nonRecyclingPool()).build();
  private static final String JSON = "application/json";
  private static final String TEXT = "text/plain; charset=utf-8";
  private static final byte[] URL_CHECK =
      "callpush receiver: POST pushes here, or GET the older call-event push\n".getBytes(StandardCharsets.UTF_8);
  private static final String ALLOWED_METHODS = "POST, GET, HEAD";
  /** The older call-event push and the webcall callback are acknowledged as their integrations do: an empty 200. */
  private static final PushResponse EMPTY_ACK = new PushResponse(200, Map.of(), null, new byte[0]);

  private final ReceiverSettings settings;
  private final Observers observers;
  private final PushResponse ack;
  private final Map<String, String> retryAfter;

  Answers(ReceiverSettings settings, Observers observers) {
    this.settings = settings;
    this.observers = observers;
    String body = settings.ackBody();
    this.ack = new PushResponse(200, Map.of(), body.isEmpty() ? null : mediaTypeOf(body),
        body.getBytes(StandardCharsets.UTF_8));
    this.retryAfter = Map.of("Retry-After", Long.toString(settings.retryAfter().toSeconds()));
  }

  /**
   * Answers {@code request} as {@code outcome} says, logs it and tells the observers.
   *
   * @param delivery the delivery of the request's event, or null when none was decoded
   * @param startNanos {@link System#nanoTime()} when the body had arrived
   */
  PushResponse answer(PushRequest request, Instant receivedAt, long startNanos, Outcome outcome, Delivery delivery) {
    PushResponse response = response(request, outcome, delivery);
    long nanos = System.nanoTime() - startNanos;
    log(request, outcome, delivery, response, nanos);
    if (!observers.isEmpty()) {
      observers.answered(new PushExchange(request, receivedAt, delivery == null ? null : delivery.event(),
          delivery == null ? null : delivery.eventKey(), outcome, response, delivery == null ? 0 : delivery.ran(),
          nanos));
    }
    return response;
  }

  private PushResponse response(PushRequest request, Outcome outcome, Delivery delivery) {
    if (outcome instanceof Outcome.Acknowledged) {
      PushEvent event = delivery.event();
      return event instanceof CallSheetEvent || event instanceof WebcallResult ? EMPTY_ACK : ack;
    }
    if (outcome instanceof Outcome.UrlCheck) {
      return new PushResponse(200, Map.of(), TEXT, "HEAD".equals(request.method()) ? new byte[0] : URL_CHECK);
    }
    if (outcome instanceof Outcome.RetryLater retry) {
      return json(503, retryAfter, "error", retry.code(), "reason", retry.reason());
    }
    if (outcome instanceof Outcome.ListenersFailed failed) {
      return json(500, Map.of(), "error", failed.code(), "errorId", failed.errorId());
    }
    Rejection rejection = (Rejection) outcome;
    Map<String, String> headers = Map.of();
    String error = "bad_request";
    if (rejection instanceof Rejection.MethodNotAllowed) {
      headers = Map.of("Allow", ALLOWED_METHODS);
      error = "method_not_allowed";
    } else if (rejection instanceof Rejection.TooLarge) {
      error = "payload_too_large";
    } else if (rejection instanceof Rejection.Unauthorized unauthorized) {
      headers = unauthorized.challenge() == null ? Map.of() : Map.of("WWW-Authenticate", unauthorized.challenge());
      error = "unauthorized";
    } else if (rejection instanceof Rejection.Forbidden) {
      error = "forbidden";
    }
    return json(rejection.status(), headers, "error", error, "reason", rejection.reason());
  }

  private void log(PushRequest request, Outcome outcome, Delivery delivery, PushResponse response, long nanos) {
    if (outcome instanceof Rejection rejection) {
      LOG.warn("rejected push from {}: {} {}", request.remoteAddress(), rejection.status(), rejection.reason());
    } else if (outcome instanceof Outcome.ListenersFailed failed) {
      LOG.warn("push {} event {}: a listener failed; answering 500, errorId={}",
          delivery.event().pushType(), delivery.eventKey(), failed.errorId());
    } else if (outcome == Outcome.RetryLater.DEADLINE_PASSED) {
      LOG.warn("push {} event {}: listeners still running at the {} ms acknowledgement deadline; answering 503",
          delivery.event().pushType(), delivery.eventKey(), settings.ackDeadline().toMillis());
    }
    if (delivery != null && LOG.isDebugEnabled()) {
      PushEvent event = delivery.event();
      LOG.debug("push {} event={} call={} customer={} -> {} ({} listeners run) in {} us", event.pushType(),
          event.eventId(), event.callId(), customerNumber(event), response.status(), delivery.ran(), nanos / 1000);
    }
  }

  private String customerNumber(PushEvent event) {
    String number = null;
    if (event instanceof CallStateEvent call) {
      number = call.call().customerNumber();
    } else if (event instanceof CallRecord record) {
      number = record.customer().number();
    }
    return settings.logPhoneNumbers() ? number : PhoneNumbers.mask(number);
  }

  /** A JSON object of two string fields, written by Jackson. */
  private static PushResponse json(int status, Map<String, String> headers, String name1, String value1,
      String name2, String value2) {
    ByteArrayOutputStream body = new ByteArrayOutputStream(96);
    try (JsonGenerator json = JSON_FACTORY.createGenerator(body)) {
      json.writeStartObject();
      json.writeStringField(name1, value1);
      json.writeStringField(name2, value2);
      json.writeEndObject();
    } catch (IOException impossible) {
      throw new UncheckedIOException(impossible);
    }
    return new PushResponse(status, headers, JSON, body.toByteArray());
  }

  private static String mediaTypeOf(String body) {
    String trimmed = body.trim();
    return trimmed.startsWith("{") || trimmed.startsWith("[") ? JSON : TEXT;
  }
}

package io.github.callpush.spring.autoconfigure;

import static io.github.callpush.spring.autoconfigure.ListenerApp.APPLICATION_EVENT;
import static io.github.callpush.spring.autoconfigure.ListenerApp.LOGIN_BEAN;
import static io.github.callpush.spring.autoconfigure.ListenerApp.LOGIN_METHOD;
import static io.github.callpush.spring.autoconfigure.ListenerApp.RING_BEAN;
import static io.github.callpush.spring.autoconfigure.ListenerApp.RING_METHOD;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A {@link ListenerApp} receiving real HTTP pushes: every listener, of every kind, runs once per
 * event to success across duplicates and retries. Each subclass picks a dedup store.
 */
@SpringBootTest(classes = ListenerApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "callpush.path=/hooks/callpush",
    "callpush.verification.tokens=s3cret",
    "callpush.verification.token-header=X-Callpush-Token",
    "callpush.publish-application-events=true",
    "management.endpoint.health.show-details=always"})
abstract class ExactlyOnceOverHttp {

  @Value("${local.server.port}")
  int port;

  @Autowired
  Deliveries deliveries;

  @Autowired
  List<Throwable> failures;

  @Autowired
  MeterRegistry meters;

  /** The simple name of the store class the application should use. */
  abstract String store();

  @Test
  void everyRingListenerRunsOnceAcrossDuplicates() throws Exception {
    String eventId = Pushes.uniqueId("ring");
    for (int delivery = 0; delivery < 3; delivery++) {
      HttpResponse<String> response = push(Pushes.ring(eventId));
      assertThat(response.statusCode()).as("delivery %d", delivery).isEqualTo(200);
      assertThat(response.body()).isEqualTo("success");
    }
    for (String listener : List.of(RING_BEAN, RING_METHOD, APPLICATION_EVENT)) {
      assertThat(deliveries.attempts(listener, eventId)).as(listener).isEqualTo(1);
    }
    assertThat(deliveries.attempts(LOGIN_BEAN, eventId)).isZero();
    assertThat(deliveries.attempts(LOGIN_METHOD, eventId)).isZero();
  }

  @Test
  void loginListenersGetLogins() throws Exception {
    String eventId = Pushes.uniqueId("login");
    assertThat(push(Pushes.login(eventId)).statusCode()).isEqualTo(200);
    assertThat(push(Pushes.login(eventId)).statusCode()).isEqualTo(200);
    assertThat(deliveries.successes(LOGIN_BEAN, eventId)).isEqualTo(1);
    assertThat(deliveries.successes(LOGIN_METHOD, eventId)).isEqualTo(1);
    assertThat(deliveries.attempts(RING_BEAN, eventId)).isZero();
  }

  @ParameterizedTest
  @CsvSource({"ringListener-fails, " + RING_BEAN + ", " + RING_METHOD + ", IllegalStateException",
      "onRing-fails, " + RING_METHOD + ", " + RING_BEAN + ", IOException"})
  void retryRunsOnlyTheListenerThatFailed(String marker, String failing, String other, String failure)
      throws Exception {
    String eventId = Pushes.uniqueId(marker);
    double failuresBefore = listenerFailures(failing);

    HttpResponse<String> first = push(Pushes.ring(eventId));
    assertThat(first.statusCode()).isEqualTo(500);
    assertThat(first.body()).contains("\"errorId\"").doesNotContain("fails the first delivery");
    assertThat(deliveries.successes(other, eventId)).isEqualTo(1);
    assertThat(deliveries.successes(failing, eventId)).isZero();
    assertThat(failures).anyMatch(thrown -> thrown.getClass().getSimpleName().equals(failure)
        && thrown.getMessage().endsWith(eventId));
    assertThat(listenerFailures(failing)).isEqualTo(failuresBefore + 1);

    assertThat(push(Pushes.ring(eventId)).statusCode()).isEqualTo(200);
    assertThat(push(Pushes.ring(eventId)).statusCode()).isEqualTo(200);
    assertThat(deliveries.attempts(failing, eventId)).isEqualTo(2);
    assertThat(deliveries.successes(failing, eventId)).isEqualTo(1);
    assertThat(deliveries.attempts(other, eventId)).isEqualTo(1);
  }

  @Test
  void pushesWithoutTheTokenAreRefusedBeforeAnyListener() throws Exception {
    String eventId = Pushes.uniqueId("unsigned");
    HttpResponse<String> response = Pushes.post(port, "/hooks/callpush", Pushes.ring(eventId),
        "X-Callpush-Token", "wrong");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(deliveries.attempts(RING_BEAN, eventId)).isZero();
    assertThat(meters.get("callpush.pushes").tag("outcome", "unauthorized").counter().count()).isPositive();
  }

  @Test
  void healthProbesTheStore() throws Exception {
    HttpResponse<String> health = Pushes.get(port, "/actuator/health/callpush");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"store\":\"" + store() + "\"");
  }

  private HttpResponse<String> push(String body) throws IOException, InterruptedException {
    return Pushes.post(port, "/hooks/callpush", body, "X-Callpush-Token", "s3cret");
  }

  private double listenerFailures(String listener) {
    return meters.counter("callpush.listener.failures", "listener", listener).count();
  }
}

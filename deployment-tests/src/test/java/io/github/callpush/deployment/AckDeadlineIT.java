package io.github.callpush.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code ack-deadline-millis} on a servlet declared as the README shows it, without {@code <async-supported>}. */
@ParameterizedClass
@EnumSource(names = {"TOMCAT_10", "TOMCAT_11"})
class AckDeadlineIT extends OnTomcat {

  private static final Duration DEADLINE = Duration.ofSeconds(1);
  private static final Duration LISTENER_TAKES = Duration.ofSeconds(3);

  @Test
  void slowListenerIsAnswered503ByTheDeadlineAndTheRetryAfterItFinished200WithoutRunningIt() throws Exception {
    Webapp webapp = webapp("deadline").initParam("token", TOKEN)
        .initParam("ack-deadline-millis", Long.toString(DEADLINE.toMillis())).listenerDelay(LISTENER_TAKES).build();
    deployStarted(webapp);
    try {
      Push push = Pushes.callRecord().answered(42).build();

      long started = System.nanoTime();
      HttpResponse<String> first = post(webapp.pushPath() + "?token=" + TOKEN, push.body());
      Duration answeredAfter = Duration.ofNanos(System.nanoTime() - started);
      assertThat(first.statusCode()).as("first delivery, answered after %s: %s", answeredAfter, first.body())
          .isEqualTo(503);
      assertThat(first.headers().firstValue("Retry-After")).isPresent();
      assertThat(answeredAfter).as("answered by the deadline, well before the listener's %s", LISTENER_TAKES)
          .isLessThan(LISTENER_TAKES.minusMillis(500));

      assertThat(awaitHandled(webapp, push.eventId())).containsExactly(push.eventId());
      HttpResponse<String> retry = post(webapp.pushPath() + "?token=" + TOKEN, push.body());
      assertThat(retry.statusCode()).as("retry after the listener finished: %s", retry.body()).isEqualTo(200);
      assertThat(webapp.handledEvents()).containsExactly(push.eventId());
    } finally {
      tomcat.undeploy(webapp.contextPath());
    }
  }
}

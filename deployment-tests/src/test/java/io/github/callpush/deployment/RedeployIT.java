package io.github.callpush.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Undeploy and redeploy of a webapp that used everything that holds resources: the JDBC store (HikariCP
 * pool, PostgreSQL driver loaded by the webapp, the dedup sweeper) and the ack deadline (its executor).
 */
@ParameterizedClass
@EnumSource // Tomcat 9 with push-servlet-javax, 10.1 and 11 with push-servlet
class RedeployIT extends OnTomcat {

  private static final int CYCLES = 3;
  private static final String NAME = "redeploy";

  @Test
  void undeployLeavesNoThreadDriverNorClassLoaderBehind() throws Exception {
    Webapp webapp = webapp(NAME).initParam("token", TOKEN)
        .initParam("dedup", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres")
        .initParam("ack-deadline-millis", "500").listenerDelay(Duration.ofMillis(1500)).build();
    for (int cycle = 1; cycle <= CYCLES; cycle++) {
      deployStarted(webapp);
      try {
        Push slow = Pushes.callRecord().answered(42).build();
        HttpResponse<String> first = post(webapp.pushPath() + "?token=" + TOKEN, slow.body());
        assertThat(first.statusCode()).as("cycle %d, past the ack deadline: %s", cycle, first.body()).isEqualTo(503);
        assertThat(awaitHandled(webapp, slow.eventId())).contains(slow.eventId());
        HttpResponse<String> retry = post(webapp.pushPath() + "?token=" + TOKEN, slow.body());
        assertThat(retry.statusCode()).as("cycle %d, retry: %s", cycle, retry.body()).isEqualTo(200);
      } finally {
        assertThat(tomcat.undeploy(webapp.contextPath())).startsWith("OK");
      }
      assertThat(tomcat.leakWarnings(NAME)).as("cycle %d: Tomcat's warnings about what %s left", cycle, NAME).isEmpty();
      assertThat(leakedContexts()).as("cycle %d: findleaks", cycle).doesNotContain(webapp.contextPath());
    }
  }

  /**
   * What findleaks reports, asked up to three times a second apart: a stopped context's last references
   * (e.g. a request thread's) may take a moment to go; a leak stays.
   */
  private static List<String> leakedContexts() throws Exception {
    List<String> leaked = tomcat.findLeaks();
    for (int attempt = 1; attempt < 3 && !leaked.isEmpty(); attempt++) {
      Thread.sleep(1000);
      leaked = tomcat.findLeaks();
    }
    return leaked;
  }
}

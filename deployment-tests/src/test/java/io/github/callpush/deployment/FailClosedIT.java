package io.github.callpush.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A WAR whose web.xml sets no verification: closed, unless {@code allow-unverified} says so. */
@ParameterizedClass
@EnumSource(names = {"TOMCAT_10", "TOMCAT_11"})
class FailClosedIT extends OnTomcat {

  @Test
  void warWithoutVerificationDoesNotServePushesAndTheUserLogSaysHowToOptOut() throws Exception {
    Webapp webapp = webapp("unverified").build();
    tomcat.deploy(webapp);
    try {
      HttpResponse<String> answer = post(webapp.pushPath(), Pushes.callRecord().answered(42).build().body());
      assertThat(answer.statusCode()).as("unauthenticated push: %s", answer.body()).isNotEqualTo(200);
      assertThat(webapp.handledEvents()).isEmpty();
      assertThat(tomcat.catalinaOut()).contains("allow-unverified=true");
    } finally {
      tomcat.undeploy(webapp.contextPath());
    }
  }

  @Test
  void warThatAllowsUnverifiedPushesStartsWarningAndServesThem() throws Exception {
    Webapp webapp = webapp("allow-unverified").initParam("allow-unverified", "true").build();
    String startLog = deployStarted(webapp);
    try {
      assertThat(startLog.lines().filter(line -> line.contains("WARNING") && line.contains("unverified")))
          .as("catalina.out while the webapp started:%n%s", startLog).hasSize(1);
      Push push = Pushes.callRecord().answered(42).build();
      HttpResponse<String> answer = post(webapp.pushPath(), push.body());
      assertThat(answer.statusCode()).as("unauthenticated push: %s", answer.body()).isEqualTo(200);
      assertThat(webapp.handledEvents()).containsExactly(push.eventId());
    } finally {
      tomcat.undeploy(webapp.contextPath());
    }
  }
}

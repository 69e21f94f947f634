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
  void warWithoutVerificationDoesNotServePushes() throws Exception {
    Webapp webapp = webapp("unverified").build();
    tomcat.deploy(webapp);
    try {
      HttpResponse<String> answer = post(webapp.pushPath(), Pushes.callRecord().answered(42).build().body());
      assertThat(answer.statusCode()).as("unauthenticated push: %s", answer.body()).isNotEqualTo(200);
      assertThat(webapp.handledEvents()).isEmpty();
    } finally {
      tomcat.undeploy(webapp.contextPath());
    }
  }

  @Test
  void warThatAllowsUnverifiedPushesStartsAndServesThem() throws Exception {
    Webapp webapp = webapp("allow-unverified").initParam("allow-unverified", "true").build();
    deployStarted(webapp);
    try {
      Push push = Pushes.callRecord().answered(42).build();
      HttpResponse<String> answer = post(webapp.pushPath(), push.body());
      assertThat(answer.statusCode()).as("unauthenticated push: %s", answer.body()).isEqualTo(200);
      assertThat(webapp.handledEvents()).containsExactly(push.eventId());
    } finally {
      tomcat.undeploy(webapp.contextPath());
    }
  }
}

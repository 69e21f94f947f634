package io.github.callpush.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.deployment.webapp.ApplicationServlet;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import java.net.http.HttpResponse;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code PushFilter} (default path {@code /callpush}) mapped to {@code /*} in front of an application servlet
 * mapped to {@code /}: the filter answers every request Tomcat would map to {@code /callpush}, the application
 * gets the rest.
 */
@ParameterizedClass
@EnumSource(names = {"TOMCAT_10", "TOMCAT_11"})
class PushFilterIT extends OnTomcat {

  private static Webapp webapp;

  @BeforeParameterizedClassInvocation
  static void deployFilteredApplication() throws Exception {
    webapp = webapp("filtered").asFilter().initParam("token", TOKEN).build();
    deployStarted(webapp);
  }

  @AfterParameterizedClassInvocation
  static void undeployFilteredApplication() throws Exception {
    tomcat.undeploy(webapp.contextPath());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/callpush", "/callpush;jsessionid=0123456789ABCDEF", "/%63allpush", "/callpush/",
      "/./callpush", "/x/../callpush"})
  void filterAnswersThePushPathAsTomcatMapsIt(String path) throws Exception {
    Push push = Pushes.callRecord().answered(42).build();
    HttpResponse<String> answer = post(webapp.contextPath() + path + "?token=" + TOKEN, push.body());
    assertThat(answer.body()).as("answer to %s", path).isEqualTo("success");
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(webapp.handledEvents()).contains(push.eventId());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"/", "/orders", "/callpushes", "/callpush.html", "/api/callpush", "/callpush/more"})
  void otherPathsReachTheApplication(String path) throws Exception {
    Push push = Pushes.callRecord().answered(42).build();
    HttpResponse<String> answer = post(webapp.contextPath() + path + "?token=" + TOKEN, push.body());
    assertThat(answer.body()).as("answer to %s", path).startsWith(ApplicationServlet.ANSWER);
    assertThat(webapp.handledEvents()).doesNotContain(push.eventId());
  }
}

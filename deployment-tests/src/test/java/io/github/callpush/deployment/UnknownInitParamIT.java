package io.github.callpush.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** A misspelled init-param ({@code tokn} for {@code token}) in a WAR's web.xml. */
@ParameterizedClass
@EnumSource(names = {"TOMCAT_10", "TOMCAT_11"})
class UnknownInitParamIT extends OnTomcat {

  private static final String TYPO = "tokn";

  @Test
  void misspelledInitParamKeepsTheEndpointClosedAndTheUserLogNamesIt() throws Exception {
    Webapp webapp = webapp("typo").initParam(TYPO, TOKEN).build();
    tomcat.deploy(webapp);
    try {
      Push push = Pushes.callRecord().answered(42).build();
      for (String query : new String[] {"?token=" + TOKEN, "?" + TYPO + "=" + TOKEN, ""}) {
        HttpResponse<String> answer = post(webapp.pushPath() + query, push.body());
        assertThat(answer.statusCode()).as("push with '%s': %s", query, answer.body()).isNotEqualTo(200);
      }
      assertThat(webapp.handledEvents()).isEmpty();
      assertThat(awaitUserLogContaining("'" + TYPO + "'"))
          .as("catalina.out and catalina.*.log name the unknown init-param").contains("'" + TYPO + "'");
    } finally {
      tomcat.undeploy(webapp.contextPath());
    }
  }

  @Test
  void misspelledInitParamStopsTheContextThatFailsWhenAServletFailsToStart() throws Exception {
    Webapp webapp = webapp("typo-fails").initParam(TYPO, TOKEN)
        .contextAttributes("failCtxIfServletStartFails=\"true\"").build();
    String deployed = tomcat.deploy(webapp);
    try {
      assertThat(deployed).startsWith("FAIL");
      assertThat(tomcat.state(webapp.contextPath())).isNotEqualTo("running");
      HttpResponse<String> answer = post(webapp.pushPath() + "?token=" + TOKEN, Pushes.callRecord().build().body());
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(webapp.handledEvents()).isEmpty();
    } finally {
      tomcat.undeploy(webapp.contextPath());
    }
  }
}

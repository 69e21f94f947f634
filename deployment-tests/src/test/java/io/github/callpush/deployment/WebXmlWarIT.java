package io.github.callpush.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The README's web.xml WAR ({@code PushServlet}, a {@code configurer}, a {@code token}) with each kind of
 * dedup store, the JDBC one pooled by HikariCP over the PostgreSQL driver in {@code WEB-INF/lib}. Each
 * store's webapp is deployed by the first test that needs it and undeployed after the class.
 */
@ParameterizedClass
@EnumSource // Tomcat 9 with push-servlet-javax, 10.1 and 11 with push-servlet
class WebXmlWarIT extends OnTomcat {

  private static final String POSTGRESQL = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
  private static final String REDIS = "redis://127.0.0.1:6379";

  private static final Map<String, Deployed> DEPLOYED = new HashMap<>();

  @ParameterizedTest(name = "dedup {0}")
  @ValueSource(strings = {"memory", POSTGRESQL, REDIS})
  void pushIsAcknowledgedAndHandledOnceItsDuplicateAcknowledgedOnlyAndAWrongToken401(String dedup) throws Exception {
    Webapp webapp = deployed(dedup).webapp();
    Push push = Pushes.callRecord().answered(42).build();

    HttpResponse<String> first = post(webapp.pushPath() + "?token=" + TOKEN, push.body());
    assertThat(first.statusCode()).as("first delivery: %s", first.body()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("success");
    assertThat(webapp.handledEvents()).containsExactly(push.eventId());

    HttpResponse<String> duplicate = post(webapp.pushPath() + "?token=" + TOKEN, push.body());
    assertThat(duplicate.statusCode()).as("duplicate: %s", duplicate.body()).isEqualTo(200);
    assertThat(webapp.handledEvents()).containsExactly(push.eventId());

    Push forged = Pushes.callRecord().answered(7).build();
    HttpResponse<String> wrongToken = post(webapp.pushPath() + "?token=not-" + TOKEN, forged.body());
    assertThat(wrongToken.statusCode()).as("wrong token: %s", wrongToken.body()).isEqualTo(401);
    assertThat(webapp.handledEvents()).containsExactly(push.eventId());
  }

  @ParameterizedTest(name = "dedup {0}")
  @ValueSource(strings = {"memory", POSTGRESQL})
  void theOlderGetPushIsHandledOnceAndAnsweredAnEmpty200(String dedup) throws Exception {
    Webapp webapp = deployed(dedup).webapp();
    String callSheet = "cs-" + UUID.randomUUID();
    String query = "CallNo=01087654321&CalledNo=4008001234&CallSheetID=" + callSheet + "&CallID=leg-1&CallType=normal"
        + "&Ring=2026-12-05%2016%3A20%3A01&CallState=Ring&AgentName=%E5%BC%A0%E4%B8%89";

    HttpResponse<String> first = get(webapp.pushPath() + "?token=" + TOKEN + "&" + query);
    HttpResponse<String> retry = get(webapp.pushPath() + "?token=" + TOKEN + "&" + query);
    HttpResponse<String> urlCheck = get(webapp.pushPath() + "?token=" + TOKEN);

    String eventId = "callsheet:" + callSheet + ":leg-1:Ring";
    assertThat(first.statusCode()).as("first delivery: %s", first.body()).isEqualTo(200);
    assertThat(first.body()).isEmpty();
    assertThat(retry.statusCode()).isEqualTo(200);
    assertThat(urlCheck.body()).contains("callpush receiver");
    assertThat(webapp.handledEvents()).filteredOn(eventId::equals).hasSize(1);
  }

  @ParameterizedTest(name = "dedup {0}")
  @ValueSource(strings = {"memory", POSTGRESQL, REDIS})
  void startLogsOneLineDescribingTheEndpointWithoutItsSecret(String dedup) throws Exception {
    Deployed deployed = deployed(dedup);
    assertThat(deployed.startLog().lines().filter(line -> line.contains("callpush endpoint")))
        .as("what catalina.out got while the webapp started:%n%s", deployed.startLog()).hasSize(1);
    assertThat(tomcat.userLog()).doesNotContain(TOKEN);
  }

  @AfterParameterizedClassInvocation
  static void undeployAll() throws Exception {
    for (Deployed deployed : DEPLOYED.values()) {
      tomcat.undeploy(deployed.webapp().contextPath());
    }
    DEPLOYED.clear();
  }

  /** The webapp with store {@code dedup}, deployed at its first use by the running distribution's Tomcat. */
  private static Deployed deployed(String dedup) throws Exception {
    Deployed deployed = DEPLOYED.get(dedup);
    if (deployed == null) {
      Webapp webapp = webapp("war-" + dedup.replaceAll(":.*", "")).initParam("token", TOKEN).initParam("dedup", dedup)
          .build();
      deployed = new Deployed(webapp, deployStarted(webapp));
      DEPLOYED.put(dedup, deployed);
    }
    return deployed;
  }

  /** A deployed webapp and what catalina.out got while it started. */
  private record Deployed(Webapp webapp, String startLog) {}
}

package io.github.callpush.deployment;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.fixtures.Pushes;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;

/**
 * What every deployment test class shares: one Tomcat per class and distribution, started before its
 * tests and stopped after them, with a base under {@code target/deployments/CLASS-DISTRIBUTION}. A class
 * runs on the distributions its {@code @ParameterizedClass} source names (e.g.
 * {@code @EnumSource(names = {"TOMCAT_10", "TOMCAT_11"})}); its tests deploy and undeploy their webapps.
 */
abstract class OnTomcat {

  /** The token the test webapps are configured with. */
  static final String TOKEN = "deployment-test-token";

  private static final Duration AWAIT = Duration.ofSeconds(15);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The Tomcat of the running class and distribution. */
  static TomcatServer tomcat;

  /** The distribution the tests run on (the class's {@code @ParameterizedClass} argument). */
  @Parameter
  TomcatDistribution distribution;

  @BeforeParameterizedClassInvocation
  static void startTomcat(TomcatDistribution distribution, org.junit.jupiter.api.TestInfo test)
      throws IOException, InterruptedException {
    String className = test.getTestClass().orElseThrow().getSimpleName();
    tomcat = TomcatServer.start(distribution,
        Path.of(Webapp.requiredProperty("callpush.work"), className + "-" + distribution));
  }

  @AfterParameterizedClassInvocation
  static void stopTomcat() {
    if (tomcat != null) {
      tomcat.close();
      tomcat = null;
    }
  }

  /** A builder of a webapp for the running distribution's servlet API. */
  static Webapp.Builder webapp(String name) {
    return Webapp.builder(name, tomcat.distribution().servletApi());
  }

  /**
   * Deploys {@code webapp}, failing with the end of catalina.out when its context did not start; returns what
   * catalina.out got while it started.
   */
  static String deployStarted(Webapp webapp) throws IOException, InterruptedException {
    int logged = tomcat.catalinaOut().length();
    String answer = tomcat.deploy(webapp);
    assertThat(answer).as("manager deploy of %s; catalina.out ends:%n%s", webapp.contextPath(), tomcat.catalinaOutTail())
        .startsWith("OK");
    return tomcat.catalinaOut().substring(logged);
  }

  /** POSTs {@code body} as JSON to {@code pathAndQuery} on the running Tomcat. */
  static HttpResponse<String> post(String pathAndQuery, byte[] body) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(tomcat.uri(pathAndQuery))
        .header("Content-Type", "application/json; charset=UTF-8")
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  /** Sends a GET, as the platform sends its older call-event push. */
  static HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(tomcat.uri(pathAndQuery)).timeout(AWAIT).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(UTF_8));
  }

  /** Waits until {@code webapp}'s listener has handled {@code eventId} at least once; its handled events then. */
  static List<String> awaitHandled(Webapp webapp, String eventId) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(AWAIT);
    List<String> handled = webapp.handledEvents();
    while (!handled.contains(eventId) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      handled = webapp.handledEvents();
    }
    return handled;
  }

  /** Waits until the user log contains {@code text} (the file handler writes asynchronously); the log then. */
  static String awaitUserLogContaining(String text) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(AWAIT);
    String log = tomcat.userLog();
    while (!log.contains(text) && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
      log = tomcat.userLog();
    }
    return log;
  }

  /**
   * Deploys the webapp as a context failing when its servlet does: it must not start nor answer a push, and the
   * lines catalina.out got meanwhile must name {@code init-param: forward} and {@code reason} on one line and
   * never hold {@code secret}.
   */
  static void assertForwardRefused(Webapp.Builder builder, String reason, String secret)
      throws IOException, InterruptedException {
    Webapp webapp = builder.contextAttributes("failCtxIfServletStartFails=\"true\"").build();
    int logged = tomcat.catalinaOut().length();
    String deployed = tomcat.deploy(webapp);
    try {
      assertThat(deployed).startsWith("FAIL");
      assertThat(tomcat.state(webapp.contextPath())).isNotEqualTo("running");
      assertThat(post(webapp.pushPath() + "?token=" + TOKEN, Pushes.callRecord().build().body()).statusCode())
          .isEqualTo(404);
      String log = tomcat.catalinaOut().substring(logged);
      assertThat(log.lines().filter(line -> line.contains("init-param: forward: ") && line.contains(reason)))
          .as("catalina.out while %s was deployed:%n%s", webapp.name(), log).isNotEmpty();
      assertThat(log).doesNotContain(secret);
    } finally {
      tomcat.undeploy(webapp.contextPath());
    }
  }
}

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real webapp directories with a {@code WEB-INF/web.xml}, deployed in Jetty's {@code WebAppContext}. */
class WebXmlTest {

  /** Where the servlet's web.xml keeps dead letters (a path relative to the module, as Maven runs tests). */
  private static final Path DEAD_LETTERS = Path.of("target/webxml-dead-letters");

  @BeforeEach
  void clear() throws IOException {
    RecordingConfigurer.CALLS.clear();
    if (Files.isDirectory(DEAD_LETTERS)) {
      try (Stream<Path> files = Files.list(DEAD_LETTERS)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static WebAppContext webapp(String name) {
    WebAppContext webapp = new WebAppContext(Path.of("src/test/webapps", name).toAbsolutePath().toString(), "/shop");
    webapp.setParentLoaderPriority(true);
    webapp.setThrowUnavailableOnStartupException(true);
    return webapp;
  }

  @Test
  void servletDeclaredInWebXmlVerifiesTheTokenAndRunsTheConfigurersListeners() throws Exception {
    try (JettyHarness jetty = JettyHarness.handler(webapp("servlet"))) {
      var noToken = jetty.post("/shop/callpush", Pushes.ring("e1"));
      var withToken = jetty.post("/shop/callpush?token=s3cret-token", Pushes.ring("e1"));
      var rotatedToken = jetty.post("/shop/callpush?token=next-token", Pushes.login("e2"));

      assertThat(noToken.statusCode()).isEqualTo(401);
      assertThat(withToken.statusCode()).isEqualTo(200);
      assertThat(withToken.body()).isEqualTo("{\"code\":0,\"msg\":\"success\"}");
      assertThat(rotatedToken.statusCode()).isEqualTo(200);
      assertThat(RecordingConfigurer.CALLS).containsExactly("ring:e1", "login:9998");
      try (Stream<Path> files = Files.list(DEAD_LETTERS)) {
        assertThat(files.filter(file -> file.toString().endsWith(".json")))
            .as("the push refused for its missing token, kept by the dead-letter-dir init-param")
            .singleElement()
            .satisfies(body -> assertThat(body.getFileName().toString()).endsWith("-401.json"))
            .satisfies(body -> assertThat(Files.readString(body)).isEqualTo(Pushes.ring("e1")));
      }
    }
  }

  @Test
  void filterDeclaredInWebXmlAnswersItsPathInFrontOfTheApp() throws Exception {
    try (JettyHarness jetty = JettyHarness.handler(webapp("filter"))) {
      var push = jetty.post("/shop/hooks/callpush?token=s3cret-token", Pushes.ring("e1"));
      var app = jetty.send("GET", "/shop/catalogue");

      assertThat(push.statusCode()).isEqualTo(200);
      assertThat(app.body()).isEqualTo("app");
      assertThat(RecordingConfigurer.CALLS).containsExactly("ring:e1");
    }
  }

  @Test
  void ackDeadlineHoldsWithoutAsyncSupportAndDestroyLeavesNoThreadBehind() throws Exception {
    SlowConfigurer.reset();
    LiveThreads threads = LiveThreads.snapshot();
    try (JettyHarness jetty = JettyHarness.handler(webapp("deadline"))) {
      var first = jetty.post("/shop/callpush?token=s3cret-token", Pushes.ring("e1"));
      SlowConfigurer.release.countDown();
      assertThat(SlowConfigurer.finished.await(10, TimeUnit.SECONDS)).isTrue();
      var retry = jetty.post("/shop/callpush?token=s3cret-token", Pushes.ring("e1"));

      assertThat(first.statusCode()).isEqualTo(503);
      assertThat(first.headers().firstValue("Retry-After")).contains("10");
      assertThat(retry.statusCode()).isEqualTo(200);
      assertThat(SlowConfigurer.CALLS).containsExactly("ring:e1");
      assertThat(threads.startedSince("callpush-")).as("threads while the webapp runs")
          .contains("callpush-dedup-sweeper", "callpush-listener-1");
    }

    assertThat(threads.startedSince("callpush-", "HikariPool", "housekeeper"))
        .as("threads left after the webapp stopped").isEmpty();
  }
}

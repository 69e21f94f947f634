package io.github.callpush.apps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The packaged application (this module's Spring Boot version, the adapter jar as published) started as
 * a process, as a user runs it: a mistake in the callpush settings stops it with a report naming the
 * property; a correct one serves pushes, reports its health and counts its pushes.
 */
class PackagedAppIT {

  private static final String TOKEN = "s3cret-" + UUID.randomUUID();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "a misspelt setting | --callpush.verification.tokenz=SECRET | keep | callpush.verification.tokenz",
      "a misspelt system property | -Dcallpush.verification.tokenz=SECRET | keep"
          + " | callpush.verification.tokenz (system property)",
      "an empty environment variable | --callpush.verification.tokens=${CALLPUSH_TOKEN} | empty"
          + " | callpush.verification.tokens",
      "an unset environment variable | --callpush.verification.tokens=${CALLPUSH_TOKEN} | unset"
          + " | callpush.verification.tokens is the unresolved placeholder ${CALLPUSH_TOKEN}",
      "no verification | --callpush.path=/hooks/callpush | keep | callpush.verification.allow-unverified",
      "a blank Kafka topic | --callpush.verification.tokens=SECRET --callpush.forward.broker=kafka"
          + " --callpush.forward.topic= | keep | callpush.forward.topic",
      "a producer setting the Kafka forwarder owns | --callpush.verification.tokens=SECRET"
          + " --callpush.forward.url=kafka://127.0.0.1:9092/pushes?acks=0 | keep"
          + " | callpush.forward.url & acks is the forwarder's",
      "a misspelt Kafka producer setting | --callpush.verification.tokens=SECRET"
          + " --callpush.forward.url=kafka://127.0.0.1:9092/pushes?linger.msec=5 | keep"
          + " | callpush.forward.url & 'linger.msec' is not a Kafka producer setting"})
  void refusesToStartOn(String mistake, String argument, String variable, String named) throws Exception {
    Consumer<Map<String, String>> environment = switch (variable) {
      case "empty" -> env -> env.put("CALLPUSH_TOKEN", "");
      case "unset" -> env -> env.remove("CALLPUSH_TOKEN");
      default -> env -> { };
    };
    try (AppProcess app = AppProcess.start(environment, argument.replace("SECRET", TOKEN).split(" "))) {
      assertThat(app.awaitExit()).as(mistake).isNotZero();
      assertThat(app.output()).contains("APPLICATION FAILED TO START").contains(named.split(" & "))
          .doesNotContain(TOKEN).doesNotContain(AppProcess.STARTED.pattern());
    }
  }

  @Test
  void startsUnverifiedOnlyWhenToldToAndWarnsAboutIt() throws Exception {
    try (AppProcess app = AppProcess.start("--callpush.verification.allow-unverified=true")) {
      app.await(AppProcess.STARTED);
      assertThat(app.output()).containsPattern("WARN .*callpush.*(verif|anyone)");
    }
  }

  /** One correctly configured application, started once for all of these. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class Configured {

    private AppProcess app;

    @BeforeAll
    void start() throws Exception {
      app = AppProcess.start("--callpush.verification.tokens=" + TOKEN);
      app.awaitStarted();
    }

    @AfterAll
    void stop() throws Exception {
      app.close();
    }

    @Test
    void logsTheEndpointAndHowItIsConfiguredOnceAtStart() {
      assertThat(app.output()).containsOnlyOnce("callpush endpoint /hooks/callpush: ")
          .containsPattern("INFO .*callpush endpoint /hooks/callpush: .*token").doesNotContain(TOKEN);
    }

    @Test
    void acknowledgesARealPushWithTheTokenAndRefusesAWrongOne() throws Exception {
      HttpResponse<String> accepted = push(AppProcess.callRecord("cdr-" + UUID.randomUUID()), TOKEN);
      assertThat(accepted.statusCode()).isEqualTo(200);
      assertThat(accepted.body()).isEqualTo("success");

      assertThat(push(AppProcess.callRecord("cdr-" + UUID.randomUUID()), "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void handlesTheOlderGetPushOnceWithAnEmpty200AndKeepsTheUrlCheck() throws Exception {
      String query = "CallNo=01087654321&CalledNo=4008001234&CallSheetID=cs-" + UUID.randomUUID()
          + "&CallID=leg-1&CallType=normal&Ring=2026-12-05%2016%3A20%3A01&CallState=Ring";

      HttpResponse<String> first = get("/hooks/callpush?token=" + TOKEN + "&" + query);
      HttpResponse<String> retry = get("/hooks/callpush?token=" + TOKEN + "&" + query);
      HttpResponse<String> forged = get("/hooks/callpush?token=wrong&" + query);
      HttpResponse<String> urlCheck = get("/hooks/callpush?token=" + TOKEN);

      assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
      assertThat(first.body()).isEmpty();
      assertThat(retry.statusCode()).isEqualTo(200);
      assertThat(forged.statusCode()).isEqualTo(401);
      assertThat(urlCheck.statusCode()).isEqualTo(200);
      assertThat(urlCheck.body()).contains("callpush receiver");
      HttpResponse<String> duplicates = get("/actuator/metrics/callpush.pushes?tag=outcome:duplicate");
      assertThat(duplicates.body()).containsPattern("\"statistic\":\"COUNT\",\"value\":[1-9]");
    }

    @Test
    void reportsTheDedupStoresHealthWithDetails() throws Exception {
      HttpResponse<String> health = get("/actuator/health/callpush");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\":\"UP\"", "\"store\":\"InMemoryDedupStore\"");
    }

    @Test
    void countsEveryPushUnderItsOutcome() throws Exception {
      assertThat(push(AppProcess.callRecord("cdr-" + UUID.randomUUID()), TOKEN).statusCode()).isEqualTo(200);
      assertThat(push(AppProcess.callRecord("cdr-" + UUID.randomUUID()), "wrong").statusCode()).isEqualTo(401);
      assertThat(push(AppProcess.callRecord(PushApp.FAILING_EVENT + UUID.randomUUID()), TOKEN).statusCode())
          .isEqualTo(500);

      for (String outcome : new String[] {"handled", "unauthorized", "listener_failed"}) {
        HttpResponse<String> meter = get("/actuator/metrics/callpush.pushes?tag=outcome:" + outcome);
        assertThat(meter.statusCode()).as(outcome).isEqualTo(200);
        assertThat(meter.body()).as(outcome).containsPattern("\"statistic\":\"COUNT\",\"value\":[1-9]");
      }
    }

    private HttpResponse<String> push(String body, String token) throws IOException, InterruptedException {
      return app.push(body.getBytes(StandardCharsets.UTF_8), token);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
      return app.get(path);
    }
  }
}

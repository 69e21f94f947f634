package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.scan.StandardJarScanner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The webapp of {@code src/test/webapp} (PushServlet and PushFilter declared in a Servlet 4 {@code web.xml}) deployed
 * in an embedded Tomcat 9, the javax container this module is for, with the default servlet of a distribution's
 * {@code conf/web.xml} ({@code src/test/tomcat}), and pushed to as the platform does.
 */
class WebXmlOnTomcat9Test {

  /** The spec's call record (test-fixtures' sample), and its {@code eventUniqueId}. */
  private static final String CALL_RECORD = "samples/valid/cdr.json";
  private static final String CALL_RECORD_EVENT_ID = "0db0948a14ea4b7eaa719f1f2501d142";

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private Tomcat tomcat;
  private Context webapp;

  @BeforeEach
  void deploy(@TempDir Path baseDir) throws Exception {
    CallRecordRecorder.CALL_RECORDS.clear();
    tomcat = new Tomcat();
    tomcat.setBaseDir(baseDir.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("address", "127.0.0.1");
    tomcat.setAddDefaultWebXmlToWebapp(false);
    webapp = tomcat.addWebapp("/shop", Path.of("src/test/webapp").toAbsolutePath().toString());
    StandardJarScanner noClassPathScan = new StandardJarScanner();
    noClassPathScan.setScanClassPath(false);
    webapp.setJarScanner(noClassPathScan);
    ((StandardContext) webapp).setFailCtxIfServletStartFails(true);
    ((StandardContext) webapp).setDefaultWebXml(Path.of("src/test/tomcat/conf/web.xml").toAbsolutePath().toString());
    tomcat.start();
    assertThat(webapp.getState()).as("the webapp started (servlet and filter initialised)")
        .isEqualTo(LifecycleState.STARTED);
  }

  @AfterEach
  void undeploy() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  @Test
  void servletAcksACallRecordWithTheTokenAndRunsTheListenerOnceAcrossARetry() throws Exception {
    HttpResponse<String> first = post("/shop/callpush?token=s3cret", callRecord());
    HttpResponse<String> retry = post("/shop/callpush?token=next-s3cret", callRecord());

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo("success");
    assertThat(retry.statusCode()).as("the platform's retry of an acknowledged push").isEqualTo(200);
    assertThat(CallRecordRecorder.CALL_RECORDS).containsExactly(CALL_RECORD_EVENT_ID);
  }

  @Test
  void servletRefusesAWrongTokenWithoutRunningTheListener() throws Exception {
    HttpResponse<String> refused = post("/shop/callpush?token=wrong", callRecord());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).doesNotContain("s3cret");
    assertThat(CallRecordRecorder.CALL_RECORDS).isEmpty();
  }

  @Test
  void filterAnswersItsPathAndLeavesTheOthersToTheApp() throws Exception {
    HttpResponse<String> refused = post("/shop/hooks/callpush?token=s3cret", callRecord());
    HttpResponse<String> acked = post("/shop/hooks/callpush?token=filter-s3cret", callRecord());
    HttpResponse<String> elsewhere = client.send(HttpRequest.newBuilder(uri("/shop/catalogue")).build(),
        HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).as("the servlet's token is not the filter's").isEqualTo(401);
    assertThat(acked.statusCode()).isEqualTo(200);
    assertThat(elsewhere.statusCode()).as("passed down the chain to Tomcat's default servlet").isEqualTo(404);
    assertThat(CallRecordRecorder.CALL_RECORDS).containsExactly(CALL_RECORD_EVENT_ID);
  }

  private static byte[] callRecord() throws IOException {
    try (InputStream in = WebXmlOnTomcat9Test.class.getClassLoader().getResourceAsStream(CALL_RECORD)) {
      return in.readAllBytes();
    }
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + pathAndQuery);
  }

  private HttpResponse<String> post(String pathAndQuery, byte[] body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}

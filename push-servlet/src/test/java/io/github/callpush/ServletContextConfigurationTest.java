package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.callpush.event.OutboundRing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A {@code PushServlet} declared without a receiver finds one in the context or builds one from init-params. */
class ServletContextConfigurationTest {

  @Test
  void servletUsesTheReadyReceiverInTheContextAttribute() throws Exception {
    List<String> rings = new CopyOnWriteArrayList<>();
    PushReceiver receiver = PushReceiver.builder().on("r", OutboundRing.class, ring -> rings.add(ring.eventId())).build();
    ServletContextHandler context = new ServletContextHandler("/");
    context.setAttribute(PushServlet.RECEIVER_ATTRIBUTE, receiver);
    context.addServlet(PushServlet.class, "/push");

    try (JettyHarness jetty = JettyHarness.handler(context)) {
      assertThat(jetty.post("/push", Pushes.ring("e1")).statusCode()).isEqualTo(200);
    }
    assertThat(rings).containsExactly("e1");
  }

  @Test
  void twoServletsConfiguredWithOneJdbcDedupStoreRunAListenerOncePerEvent() throws Exception {
    RecordingConfigurer.CALLS.clear();
    ServletContextHandler context = new ServletContextHandler("/");
    String database = "jdbc:h2:mem:webxml-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
    for (String node : List.of("/node-a", "/node-b")) {
      ServletHolder holder = context.addServlet(PushServlet.class, node);
      holder.setInitParameter("dedup", database);
      holder.setInitParameter("configurer", RecordingConfigurer.class.getName());
    }

    try (JettyHarness jetty = JettyHarness.handler(context)) {
      assertThat(jetty.post("/node-a", Pushes.ring("e1")).statusCode()).isEqualTo(200);
      assertThat(jetty.post("/node-b", Pushes.ring("e1")).statusCode()).isEqualTo(200);
      assertThat(sweepers()).isEqualTo(2);
    }
    assertThat(RecordingConfigurer.CALLS).containsExactly("ring:e1");
    for (int i = 0; i < 50 && sweepers() > 0; i++) {
      Thread.sleep(20);
    }
    assertThat(sweepers()).as("sweeper threads left after destroy").isZero();
  }

  private static long sweepers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("callpush-dedup-sweeper") && thread.isAlive()).count();
  }

  @Test
  void misspelledInitParamStopsTheServletFromStarting() {
    assertThat(startFailure(Map.of("tokn", "s3cret"))).contains("unknown callpush init-param 'tokn'");
  }

  @Test
  void invalidInitParamValueNamesTheParameter() {
    assertThat(startFailure(Map.of("max-body-bytes", "lots")))
        .contains("max-body-bytes must be a whole number but was 'lots'");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "ip-allowlist | 300.1.2.3 | ip-allowlist: ",
      "hmac-secrets | hunter2 | hmac-secrets: ",
      "basic-auth | alice: | basic-auth: ",
      "hmac-tolerance-seconds | -5 | hmac-tolerance-seconds: "})
  void invalidVerificationSettingIsNamedButASecretIsNotShown(String name, String value, String prefix) {
    Map<String, String> parameters = new HashMap<>(Map.of(name, value));
    if (name.equals("hmac-tolerance-seconds")) {
      parameters.put("hmac-secrets", "whsec_" + Base64.getEncoder().encodeToString(new byte[32]));
    }
    assertThat(startFailure(parameters)).contains("invalid callpush init-param: " + prefix).doesNotContain("hunter2");
  }

  @ParameterizedTest
  @CsvSource({
      "trusted-proxies, 10.0.0.0/8, trusted-proxies: trusted proxies only matter with an ip-allowlist",
      "token-parameter, key, token: a token parameter or header is set but no token",
      "token-header, X-Token, token: a token parameter or header is set but no token",
      "dead-letter-max, 5, dead-letter-max is set but no dead-letter-dir"})
  void verificationSettingThatWouldDoNothingStopsTheServletFromStarting(String name, String value, String message) {
    assertThat(startFailure(Map.of(name, value))).contains(message);
  }

  /** The stack trace of the failure that keeps a PushServlet with these init-params from starting. */
  private static String startFailure(Map<String, String> initParameters) {
    ServletContextHandler context = new ServletContextHandler("/");
    context.getServletHandler().setStartWithUnavailable(false);
    ServletHolder holder = context.addServlet(PushServlet.class, "/push");
    initParameters.forEach(holder::setInitParameter);
    holder.setInitOrder(1);
    Throwable failure = catchThrowable(() -> JettyHarness.handler(context).close());
    assertThat(failure).as("the servlet should not start").isNotNull();
    return stackTrace(failure);
  }

  private static String stackTrace(Throwable thrown) {
    StringWriter trace = new StringWriter();
    thrown.printStackTrace(new PrintWriter(trace));
    return trace.toString();
  }
}

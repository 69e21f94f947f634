package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.event.OutboundRing;
import java.util.List;
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
    ServletContextHandler context = new ServletContextHandler("/");
    context.getServletHandler().setStartWithUnavailable(false);
    ServletHolder holder = context.addServlet(PushServlet.class, "/push");
    holder.setInitParameter("tokn", "s3cret");
    holder.setInitOrder(1);

    assertThatThrownBy(() -> JettyHarness.handler(context).close())
        .hasStackTraceContaining("unknown callpush init-param 'tokn'");
  }

  @Test
  void invalidInitParamValueNamesTheParameter() {
    ServletContextHandler context = new ServletContextHandler("/");
    context.getServletHandler().setStartWithUnavailable(false);
    ServletHolder holder = context.addServlet(PushServlet.class, "/push");
    holder.setInitParameter("max-body-bytes", "lots");
    holder.setInitOrder(1);

    assertThatThrownBy(() -> JettyHarness.handler(context).close())
        .hasStackTraceContaining("max-body-bytes must be a whole number but was 'lots'");
  }

  @ParameterizedTest
  @CsvSource({
      "trusted-proxies, 10.0.0.0/8, trusted-proxies only matter with an ip-allowlist",
      "token-parameter, key, a token-parameter or token-header is set but no token",
      "token-header, X-Token, a token-parameter or token-header is set but no token"})
  void verificationSettingThatWouldDoNothingStopsTheServletFromStarting(String name, String value, String message) {
    ServletContextHandler context = new ServletContextHandler("/");
    context.getServletHandler().setStartWithUnavailable(false);
    ServletHolder holder = context.addServlet(PushServlet.class, "/push");
    holder.setInitParameter(name, value);
    holder.setInitOrder(1);

    assertThatThrownBy(() -> JettyHarness.handler(context).close()).hasStackTraceContaining(message);
  }
}

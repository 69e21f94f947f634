package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.forward.RecordingForwarderProvider;
import io.github.callpush.forward.RecordingForwarderProvider.Recording;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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
    PushReceiver receiver = PushReceiver.builder().allowUnverified().on("r", OutboundRing.class, ring -> rings.add(ring.eventId())).build();
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
      holder.setInitParameter("token", "s3cret");
      holder.setInitParameter("configurer", RecordingConfigurer.class.getName());
    }

    try (JettyHarness jetty = JettyHarness.handler(context)) {
      assertThat(jetty.post("/node-a?token=s3cret", Pushes.ring("e1")).statusCode()).isEqualTo(200);
      assertThat(jetty.post("/node-b?token=s3cret", Pushes.ring("e1")).statusCode()).isEqualTo(200);
      assertThat(sweepers()).isEqualTo(2);
    }
    assertThat(RecordingConfigurer.CALLS).containsExactly("ring:e1");
    assertThat(sweepers()).as("sweeper threads left after destroy").isZero();
  }

  private static long sweepers() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("callpush-dedup-sweeper") && thread.isAlive()).count();
  }

  @Test
  void theForwardInitParamHandsEveryPushOnOnceAndDestroyClosesTheForwarder() throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = context.addServlet(PushServlet.class, "/push");
    holder.setInitParameter("token", "s3cret");
    holder.setInitParameter("forward", "recording://webxml");
    holder.setInitOrder(1);
    try (JettyHarness jetty = JettyHarness.handler(context)) {
      assertThat(jetty.post("/push?token=s3cret", Pushes.ring("w1")).statusCode()).isEqualTo(200);
      assertThat(jetty.post("/push?token=s3cret", Pushes.ring("w1")).statusCode()).isEqualTo(200);
      assertThat(RecordingForwarderProvider.RECORDINGS.get("webxml").closed).isFalse();
    }
    Recording recording = RecordingForwarderProvider.RECORDINGS.get("webxml");
    assertThat(recording.pushes).singleElement().satisfies(push -> assertThat(push.event().eventId()).isEqualTo("w1"));
    assertThat(recording.closed).as("closed at destroy").isTrue();
  }

  @Test
  void aForwardWhoseModuleIsMissingStopsTheServletNamingTheInitParamAndTheModule() {
    assertThat(startFailure(Map.of("token", "s3cret", "forward", "amqp://guest:hunter2@127.0.0.1/%2F")))
        .contains("invalid callpush init-param: forward: no forwarder for 'amqp:' URIs: add io.github.callpush:push-forward-rabbitmq")
        .doesNotContain("hunter2");
  }

  @Test
  void misspelledInitParamStopsTheServletFromStarting() {
    assertThat(startFailure(Map.of("tokn", "s3cret"))).contains("unknown callpush init-param 'tokn'");
  }

  @Test
  void noVerificationStopsTheServletUnlessAllowUnverifiedSaysSo() throws Exception {
    assertThat(startFailure(Map.of("dedup", "memory")))
        .contains("no verification: set the init-param token, hmac-secrets, basic-auth or ip-allowlist")
        .contains("allow-unverified=true");

    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = context.addServlet(PushServlet.class, "/push");
    holder.setInitParameter("allow-unverified", "true");
    holder.setInitOrder(1);
    try (JettyHarness jetty = JettyHarness.handler(context)) {
      assertThat(jetty.post("/push", Pushes.ring("e1")).statusCode()).isEqualTo(200);
      assertThat(((PushServlet) holder.getServlet()).receiver().describe()).startsWith("verification NONE");
    }
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "token | ${CALLPUSH_TOKEN} | callpush init-param token is an unresolved ${...} placeholder",
      "basic-auth | platform:${PUSH_PASSWORD} | callpush init-param basic-auth is an unresolved ${...} placeholder",
      "dedup | jdbc:postgresql://${DB_HOST}/app | callpush init-param dedup is an unresolved ${...} placeholder",
      "token | '' | callpush init-param token is empty",
      "hmac-secrets | ' ' | callpush init-param hmac-secrets is empty",
      "ip-allowlist | '' | callpush init-param ip-allowlist is empty"})
  void anUnresolvedPlaceholderOrAnEmptyVerificationParamStopsTheServlet(String name, String value, String reason) {
    assertThat(startFailure(Map.of(name, value, "allow-unverified", "true"))).contains(reason);
  }

  @Test
  void allowUnverifiedWithAVerifierIsAContradictionThatStopsTheServlet() {
    assertThat(startFailure(Map.of("token", "s3cret", "allow-unverified", "true")))
        .contains("allow-unverified=true goes without token, hmac-secrets, basic-auth and ip-allowlist");
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
  @CsvSource(delimiter = '|', value = {
      "lease-seconds | 0 | lease must be positive",
      "ack-deadline-millis | soon | ack-deadline-millis must be a whole number but was 'soon'",
      "fail-open | yes | fail-open must be true or false but was 'yes'",
      "log-phone-numbers | 1 | log-phone-numbers must be true or false but was '1'",
      "basic-auth | alice | basic-auth entries must be user:password",
      "time-zone | Mars/Olympus | Mars/Olympus",
      "dedup | mongo://db | dedup store spec must be memory",
      "dead-letter-max | 0 | dead-letter-max is set but no dead-letter-dir",
      "trusted-proxies | 10.0.0.0/8 | trusted-proxies: trusted proxies only matter with an ip-allowlist",
      "token-parameter | key | token: a token parameter or header is set but no token",
      "token-header | X-Token | token: a token parameter or header is set but no token",
      "receiver-attribute | callpush.missing | names 'callpush.missing' but the servlet context holds no PushReceiver there",
      "configurer | com.example.Missing | configurer class com.example.Missing not found",
      "configurer | java.lang.String | configurer java.lang.String does not implement PushReceiverConfigurer",
      "configurer | io.github.callpush.ServletContextConfigurationTest$NoDefaultConstructor | needs a public no-argument constructor",
      "configurer | io.github.callpush.ServletContextConfigurationTest$FailsToConstruct | failed to construct",
      "configurer | io.github.callpush.ServletContextConfigurationTest$FailsToConfigure | failed: no listeners today"})
  void aMistakeInAnInitParamStopsTheServletWithItsReason(String name, String value, String reason) {
    assertThat(startFailure(Map.of(name, value))).contains(reason);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "dead-letter-max | 0 | dead-letter-max: must be positive but was 0",
      "dedup-sweep-minutes | -1 | dedup-sweep-minutes: must be positive but was PT-1M"})
  void aCountThatMustBePositiveNamesItsInitParam(String name, String value, String reason) {
    assertThat(startFailure(Map.of(name, value, "dead-letter-dir", "target/positive-dead-letters", "dedup", "memory",
        "allow-unverified", "true"))).contains(reason);
  }

  @Test
  void everyDedupAndLimitInitParamReachesTheReceiver() throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = context.addServlet(PushServlet.class, "/push");
    Map.of("lease-seconds", "30", "retention-hours", "2", "ack-deadline-millis", "1500", "fail-open", "TRUE",
        "max-body-bytes", "4096", "dedup", "memory:1234", "allow-unverified", "true").forEach(holder::setInitParameter);
    holder.setInitOrder(1);

    try (JettyHarness jetty = JettyHarness.handler(context)) {
      PushReceiver receiver = ((PushServlet) holder.getServlet()).receiver();
      assertThat(receiver.settings().lease()).isEqualTo(Duration.ofSeconds(30));
      assertThat(receiver.settings().retention()).isEqualTo(Duration.ofHours(2));
      assertThat(receiver.hasAckDeadline()).isTrue();
      assertThat(receiver.settings().failOpen()).isTrue();
      assertThat(receiver.settings().maxBodyBytes()).isEqualTo(4096);
      assertThat(((InMemoryDedupStore) receiver.settings().store()).maximumSize()).isEqualTo(1234);
      assertThat(jetty.post("/push", Pushes.ring("e1")).statusCode()).isEqualTo(200);
    }
  }

  /** Not a usable configurer: it has no no-argument constructor. */
  public static final class NoDefaultConstructor implements PushReceiverConfigurer {
    public NoDefaultConstructor(String ignored) {}

    @Override
    public void configure(PushReceiver.Builder builder) {}
  }

  /** Not a usable configurer: its constructor throws. */
  public static final class FailsToConstruct implements PushReceiverConfigurer {
    public FailsToConstruct() {
      throw new IllegalStateException("no configuration today");
    }

    @Override
    public void configure(PushReceiver.Builder builder) {}
  }

  /** Not a usable configurer: configuring throws. */
  public static final class FailsToConfigure implements PushReceiverConfigurer {
    @Override
    public void configure(PushReceiver.Builder builder) {
      throw new IllegalStateException("no listeners today");
    }
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

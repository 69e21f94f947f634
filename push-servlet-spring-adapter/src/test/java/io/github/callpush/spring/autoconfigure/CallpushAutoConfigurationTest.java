package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.DeadLetter;
import io.github.callpush.EndpointSettings;
import io.github.callpush.PushObserver;
import io.github.callpush.PushListener;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushReceiverConfigurer;
import io.github.callpush.PushRequest;
import io.github.callpush.PushServlet;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.JdbcDedupStore;
import io.github.callpush.dedup.RedisDedupStore;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.forward.RecordingForwarderProvider;
import io.github.callpush.forward.RecordingForwarderProvider.Recording;
import io.github.callpush.verify.WebhookSigner;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every condition of {@link CallpushAutoConfiguration}: what it creates, when it backs off, how it fails. */
@ExtendWith(OutputCaptureExtension.class)
class CallpushAutoConfigurationTest {

  private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

  /** Every auto-configuration the adapter lists, as Spring Boot finds them. */
  private static final AutoConfigurations ADAPTER = AutoConfigurations.of(CallpushAutoConfiguration.class,
      CallpushMetricsAutoConfiguration.class, CallpushHealthAutoConfiguration.class,
      CallpushBoot4HealthAutoConfiguration.class);

  /** Most tests here are not about verification; those that are turn it back on. */
  private static final String UNVERIFIED = "callpush.verification.allow-unverified=true";
  private static final String VERIFIED = "callpush.verification.allow-unverified=false";

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withConfiguration(ADAPTER).withPropertyValues(UNVERIFIED);

  private final WebApplicationContextRunner webRunner =
      new WebApplicationContextRunner().withConfiguration(ADAPTER).withPropertyValues(UNVERIFIED);

  @Test
  void mountsTheServletAtTheConfiguredPathInAServletWebApplication() {
    webRunner.withPropertyValues("callpush.path=/hooks/call").run(context -> {
      ServletRegistrationBean<?> registration = context.getBean(ServletRegistrationBean.class);
      assertThat(registration.getUrlMappings()).containsExactly("/hooks/call");
      assertThat(((PushServlet) registration.getServlet()).receiver()).isSameAs(context.getBean(PushReceiver.class));
    });
  }

  @Test
  void logsTheEndpointAndTheReceiversDescriptionOnceWhenMounted(CapturedOutput output) {
    webRunner.withPropertyValues(VERIFIED, "callpush.path=/hooks/call", "callpush.verification.tokens=hunter2")
        .run(context -> assertThat(output)
            .containsOnlyOnce("callpush endpoint /hooks/call: " + context.getBean(PushReceiver.class).describe())
            .doesNotContain("hunter2"));
  }

  @Test
  void mountsNoServletOutsideAServletWebApplication() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(PushReceiver.class);
      assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
    });
  }

  @Test
  void servesTheApplicationsReceiverAndRegistersListenerBeansWithIt() {
    webRunner.withUserConfiguration(OwnReceiver.class, RingListenerConfiguration.class).run(context -> {
      PushReceiver own = context.getBean(OwnReceiver.class).receiver;
      assertThat(context).hasSingleBean(PushReceiver.class).doesNotHaveBean(DedupStore.class);
      assertThat(context.getBean(PushReceiver.class)).isSameAs(own);
      assertThat(((PushServlet) context.getBean(ServletRegistrationBean.class).getServlet()).receiver()).isSameAs(own);
      assertThat(own.listeners().ids()).containsExactly("rings");
    });
  }

  @Test
  void mountsNoServletWhenTheApplicationRegistersOne() {
    webRunner.withUserConfiguration(OwnServletRegistration.class).run(context -> {
      assertThat(context).hasSingleBean(ServletRegistrationBean.class);
      ServletRegistrationBean<?> registration = context.getBean(ServletRegistrationBean.class);
      assertThat(registration.getUrlMappings()).containsExactly("/own");
    });
  }

  @Test
  void keepsClaimsInMemoryByDefault() {
    runner.withPropertyValues("callpush.dedup.maximum-size=500").withUserConfiguration(RingListenerConfiguration.class)
        .run(context -> {
          InMemoryDedupStore store = (InMemoryDedupStore) context.getBean(DedupStore.class);
          assertThat(store.maximumSize()).isEqualTo(500);
          assertThat(Pushes.handle(context.getBean(PushReceiver.class), Pushes.ring("e1")).status()).isEqualTo(200);
          assertThat(store.size()).isEqualTo(1);
        });
  }

  @Test
  void keepsClaimsInTheApplicationsDataSourceWhenJdbcIsSelected() {
    runner.withPropertyValues("callpush.dedup.type=jdbc", "callpush.dedup.create-table=true")
        .withUserConfiguration(H2DataSource.class, RingListenerConfiguration.class).run(context -> {
          assertThat(context.getBean(DedupStore.class)).isInstanceOf(JdbcDedupStore.class);
          assertThat(Pushes.handle(context.getBean(PushReceiver.class), Pushes.ring("e1")).status()).isEqualTo(200);
          assertThat(claimRows(context.getBean(DataSource.class))).isEqualTo(1);
        });
  }

  @Test
  void sweepsExpiredClaimsOutOfTheTable() {
    runner.withPropertyValues("callpush.dedup.type=jdbc", "callpush.dedup.create-table=true",
            "callpush.dedup.retention=1ms", "callpush.dedup.sweep-interval=50ms")
        .withUserConfiguration(H2DataSource.class, RingListenerConfiguration.class).run(context -> {
          assertThat(Pushes.handle(context.getBean(PushReceiver.class), Pushes.ring("e1")).status()).isEqualTo(200);
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
          while (claimRows(context.getBean(DataSource.class)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
          }
          assertThat(claimRows(context.getBean(DataSource.class))).isZero();
        });
  }

  @Test
  void keepsClaimsInRedisWhenRedisIsSelected() {
    runner.withPropertyValues("callpush.dedup.type=redis", "callpush.dedup.redis.url=redis://127.0.0.1:6379",
        "callpush.dedup.redis.key-prefix=app:claims:").run(context ->
        assertThat(((RedisDedupStore) context.getBean(DedupStore.class)).keyPrefix()).isEqualTo("app:claims:"));
  }

  @Test
  void refusesToStartWithoutVerificationUnlessAllowUnverifiedSaysSo() {
    new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(CallpushAutoConfiguration.class))
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(messages(context)).contains("no verifier").contains("allowUnverified()")
              .contains("callpush.verification.allow-unverified=true");
        });
    webRunner.run(context -> assertThat(context.getBean(PushReceiver.class).describe())
        .startsWith("verification NONE"));
  }

  @Test
  void usesTheApplicationsDedupStore() {
    runner.withUserConfiguration(OwnStore.class, RingListenerConfiguration.class).run(context -> {
      assertThat(Pushes.handle(context.getBean(PushReceiver.class), Pushes.ring("e1")).status()).isEqualTo(200);
      assertThat(context.getBean(OwnStore.class).store.size()).isEqualTo(1);
    });
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "callpush.dedup.type=jdbc | callpush.dedup.type | needs a DataSource bean",
      "callpush.dedup.type=redis | callpush.dedup.type | needs callpush.dedup.redis.url",
      "callpush.dedup.type=redis callpush.dedup.redis.url=http://h | callpush.dedup.redis.url | redis://",
      "callpush.dedup.type=mongo | callpush.dedup.type | mongo",
      "callpush.path=hooks | callpush.path | must start with /",
      "callpush.verification.hmac-secrets=hunter2 | callpush.verification.hmac-secrets | must start with whsec_",
      "callpush.verification.trusted-proxies=10.0.0.1 | callpush.verification.trusted-proxies | only matter with an ip-allowlist",
      "callpush.verification.token-header=X-Token | callpush.verification.tokens | no token",
      "callpush.verification.ip-allowlist=300.1.2.3 | callpush.verification.ip-allowlist | 300.1.2.3",
      "callpush.verification.basic-users.alice= | callpush.verification.basic-users.alice | is set but empty",
      "callpush.verification.tokens= | callpush.verification.tokens | is set but empty",
      "callpush.verification.token-header= | callpush.verification.token-header | is set but empty",
      "callpush.verification.tokenz=hunter2 | callpush.verification.tokenz | Unknown callpush setting",
      "callpush.verification.tokens=hunter2 callpush.dedup.tabel-name=x | callpush.dedup.tabel-name"
          + " | Correct or remove",
      "callpush.verification.tokens=${CALLPUSH_TEST_UNSET} | callpush.verification.tokens"
          + " | placeholder ${CALLPUSH_TEST_UNSET}",
      "callpush.verification.basic-users.alice=${CALLPUSH_TEST_UNSET} | callpush.verification.basic-users.alice"
          + " | Set CALLPUSH_TEST_UNSET",
      "callpush.dead-letters.directory=${CALLPUSH_TEST_UNSET} | callpush.dead-letters.directory"
          + " | unresolved placeholder",
      "callpush.verification.tokens=hunter2 | callpush.verification.allow-unverified | configures checks",
      "callpush.dedup.lease=0s | callpush.dedup.lease | must be positive",
      "callpush.dedup.sweep-interval=0s | callpush.dedup.sweep-interval | must be positive",
      "callpush.max-body-size=0B | callpush.max-body-size | must be positive",
      "callpush.time-zone=Mars/Olympus | callpush.time-zone | Mars/Olympus",
      "callpush.dedup.maximum-size=0 | callpush.dedup.maximum-size | 0",
      "callpush.dead-letters.directory=target/x callpush.dead-letters.maximum=0 | callpush.dead-letters.maximum | must be positive",
      "callpush.dead-letters.directory=pom.xml | callpush.dead-letters.directory | pom.xml",
      "callpush.forward.url=kafka://127.0.0.1:9092/pushes | callpush.forward.url"
          + " | add io.github.callpush:push-forward-kafka",
      "callpush.forward.url=amqp://guest:hunter2@127.0.0.1/%2F?exchang=x | callpush.forward.url"
          + " | unknown parameter exchang",
      "callpush.forward.broker=kafka | callpush.forward.topic | publishes to this topic",
      "callpush.forward.broker=kafka callpush.forward.topic=pushes | callpush.forward.broker"
          + " | add io.github.callpush:push-forward-kafka",
      "callpush.forward.broker=rabbitmq callpush.forward.url=amqp://guest:hunter2@127.0.0.1/%2F"
          + " | callpush.forward.broker | set one of them",
      "callpush.forward.broker=rabbitmq spring.rabbitmq.addresses=a:5672,b:5672 | spring.rabbitmq.addresses"
          + " | set callpush.forward.url instead",
      "callpush.forward.broker=rabbitmq spring.rabbitmq.password=hunter2 spring.rabbitmq.port=1"
          + " | callpush.forward.broker | RabbitMQ unreachable at localhost:1",
      "callpush.forward.url=recording://x callpush.forward.deadline=2s | callpush.forward.deadline"
          + " | it goes with callpush.forward.broker",
      "callpush.forward.broker=rabbitmq callpush.forward.deadline=0s | callpush.forward.deadline"
          + " | a deadline is at least 1 ms",
      "callpush.forward.broker=activemq | callpush.forward.broker | activemq",
      "callpush.forward.broker= | callpush.forward.broker | Correct or remove it"})
  void refusesToStartOnAMissingOrInvalidSetting(String settings, String property, String reason) {
    webRunner.withPropertyValues(settings.split(" ")).run(context -> {
      assertThat(context).hasFailed();
      assertThat(messages(context)).contains(property).contains(reason).doesNotContain("hunter2");
    });
  }

  @Test
  void handsEveryPushOnceToTheForwarderTheUrlNamesAndClosesItWithTheContext() {
    Recording[] recording = new Recording[1];
    runner.withPropertyValues("callpush.forward.url=recording://spring").run(context -> {
      PushReceiver receiver = context.getBean(PushReceiver.class);
      assertThat(receiver.listeners().ids()).containsExactly(EndpointSettings.FORWARD_LISTENER_ID);
      Pushes.handle(receiver, Pushes.ring("s1"));
      Pushes.handle(receiver, Pushes.ring("s1"));
      recording[0] = RecordingForwarderProvider.RECORDINGS.get("spring");
      assertThat(recording[0].pushes).singleElement().satisfies(push ->
          assertThat(push.event().eventId()).isEqualTo("s1"));
      assertThat(recording[0].closed).isFalse();
    });
    assertThat(recording[0].closed).as("closed with the context").isTrue();
  }

  @Test
  void bindsRelaxedSpellingsIndexedListsAndMapEntriesAsKnownSettings() {
    runner.withPropertyValues(VERIFIED, "callpush.verification.tokenHeader=X-Token",
        "callpush.verification.tokens[0]=t0k3n", "callpush.verification.basic-users.platform-user=pa55",
        "callpush.dedup.maximum_size=500",        "callpush.logPhoneNumbers=true").run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(((InMemoryDedupStore) context.getBean(DedupStore.class)).maximumSize()).isEqualTo(500);
        });
  }

  @Test
  void refusesAnUnknownNameAmongTheSystemPropertiesToo() {
    runner.withSystemProperties("callpush.verification.tokenz=hunter2").run(context -> assertThat(messages(context))
        .contains("Unknown callpush setting: callpush.verification.tokenz (system property)").doesNotContain("hunter2"));
    runner.withSystemProperties("callpush.dedup.maximumSize=500", "callpush.verification.basic-users.platform=pa55",
        "callpush.verification.tokens[0]=t0k3n").withPropertyValues(VERIFIED).run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(((InMemoryDedupStore) context.getBean(DedupStore.class)).maximumSize()).isEqualTo(500);
        });
  }

  @Test
  void refusesToStartOnAnInvalidTableName() {
    runner.withPropertyValues("callpush.dedup.type=jdbc", "callpush.dedup.table-name=push-claims")
        .withUserConfiguration(H2DataSource.class)
        .run(context -> assertThat(messages(context)).contains("callpush.dedup.table-name", "letters, digits and _"));
  }

  @Test
  void refusesTheRedisStoreWithoutJedis() {
    runner.withClassLoader(new FilteredClassLoader("redis.clients"))
        .withPropertyValues("callpush.dedup.type=redis", "callpush.dedup.redis.url=redis://127.0.0.1:6379")
        .run(context -> assertThat(messages(context)).contains("needs redis.clients:jedis on the class path"));
  }

  @ParameterizedTest
  @CsvSource({"none, 200", "token, 401", "signature, 401", "basic, 401", "address, 403"})
  void requiresEveryConfiguredVerification(String missing, int status) {
    runner.withPropertyValues(VERIFIED, "callpush.verification.tokens=t0k3n",
        "callpush.verification.hmac-secrets=" + SECRET, "callpush.verification.basic-users.platform=pa55",
        "callpush.verification.ip-allowlist=192.0.2.0/24",
        "callpush.verification.token-header=X-Token").run(context -> {
          String body = Pushes.ring("e1");
          long now = System.currentTimeMillis() / 1000;
          String signature = WebhookSigner.of(SECRET).sign("msg-1", now, body.getBytes(StandardCharsets.UTF_8));
          PushRequest.Builder request = PushRequest.builder().body(body.getBytes(StandardCharsets.UTF_8))
              .remoteAddress(missing.equals("address") ? "198.51.100.7" : "192.0.2.7")
              .header("webhook-id", "msg-1")
              .header("webhook-timestamp", Long.toString(now))
              .header("webhook-signature", missing.equals("signature") ? "v1,AAAA" : signature)
              .header("X-Token", missing.equals("token") ? "wrong" : "t0k3n")
              .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                  (missing.equals("basic") ? "platform:wrong" : "platform:pa55").getBytes(StandardCharsets.UTF_8)));
          assertThat(context.getBean(PushReceiver.class).handle(request.build()).status()).isEqualTo(status);
        });
  }

  @Test
  void appliesTheReceiverSettings() {
    runner.withPropertyValues("callpush.ack-body={\"code\":0}", "callpush.max-body-size=300B")
        .withUserConfiguration(RingListenerConfiguration.class).run(context -> {
          PushReceiver receiver = context.getBean(PushReceiver.class);
          assertThat(Pushes.handle(receiver, Pushes.ring("e1")).bodyText()).isEqualTo("{\"code\":0}");
          assertThat(Pushes.handle(receiver, Pushes.ring("e2") + " ".repeat(300)).status()).isEqualTo(413);
        });
  }

  @Test
  void appliesTheApplicationsHooksAndConfigurers() {
    runner.withUserConfiguration(Hooks.class).run(context -> {
      PushReceiver receiver = context.getBean(PushReceiver.class);
      assertThat(receiver.listeners().ids()).contains("from-configurer");
      assertThat(Pushes.handle(receiver, "{not json").status()).isEqualTo(400);
      assertThat(context.getBean(Hooks.class).deadLetters).hasSize(1);
    });
  }

  @Test
  void keepsRejectedPushesInTheConfiguredDirectory(@TempDir Path directory) {
    runner.withPropertyValues("callpush.dead-letters.directory=" + directory, "callpush.dead-letters.maximum=1")
        .run(context -> {
          PushReceiver receiver = context.getBean(PushReceiver.class);
          assertThat(Pushes.handle(receiver, "{not json").status()).isEqualTo(400);
          assertThat(Pushes.handle(receiver, "{not json either").status()).isEqualTo(400);
          assertThat(bodies(directory)).singleElement()
              .satisfies(body -> assertThat(Files.readString(body)).isEqualTo("{not json"));
        });
  }

  @Test
  void theApplicationsObserversSeeTheDeadLettersTheDirectoryKeeps(@TempDir Path directory) {
    runner.withUserConfiguration(Hooks.class).withPropertyValues("callpush.dead-letters.directory=" + directory)
        .run(context -> {
          assertThat(Pushes.handle(context.getBean(PushReceiver.class), "{not json").status()).isEqualTo(400);
          assertThat(context.getBean(Hooks.class).deadLetters).hasSize(1);
          assertThat(bodies(directory)).hasSize(1);
        });
  }

  private static List<Path> bodies(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.toString().endsWith(".json")).toList();
    }
  }

  @Test
  void countsPushesInTheMeterRegistry() {
    runner.withUserConfiguration(Meters.class).run(context -> {
      assertThat(context.getBean("callpushMetrics")).isInstanceOf(MicrometerPushMetrics.class);
      PushReceiver receiver = context.getBean(PushReceiver.class);
      Pushes.handle(receiver, Pushes.ring("e1"));
      Pushes.handle(receiver, "[]");
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      assertThat(meters.get("callpush.received").counter().count()).isEqualTo(2);
      assertThat(meters.get("callpush.pushes").tag("outcome", "unhandled").counter().count()).isEqualTo(1);
      assertThat(meters.get("callpush.pushes").tag("outcome", "malformed").counter().count()).isEqualTo(1);
      assertThat(meters.get("callpush.latency").timer().count()).isEqualTo(2);
    });
  }

  @Test
  void countsAPushWhoseListenerFailedUnderItsOutcomeAndNoUrlCheck() {
    runner.withUserConfiguration(Meters.class, FailingListenerConfiguration.class).run(context -> {
      PushReceiver receiver = context.getBean(PushReceiver.class);
      receiver.handle(PushRequest.builder().method("GET").build());
      assertThat(Pushes.handle(receiver, Pushes.ring("e1")).status()).isEqualTo(500);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      assertThat(meters.get("callpush.received").counter().count()).isEqualTo(1);
      assertThat(meters.get("callpush.pushes").tag("outcome", "listener_failed").counter().count()).isEqualTo(1);
      assertThat(meters.get("callpush.listener.failures").tag("listener", "failingRings").counter().count())
          .isEqualTo(1);
      assertThat(meters.get("callpush.listener").tag("listener", "failingRings").tag("outcome", "failed").timer()
          .count()).isEqualTo(1);
    });
  }

  @Test
  void timesTheForwardersRunsAsPublishedConfirmedAndFailed() {
    runner.withUserConfiguration(Meters.class).withPropertyValues("callpush.forward.url=recording://metrics")
        .run(context -> {
          PushReceiver receiver = context.getBean(PushReceiver.class);
          Pushes.handle(receiver, Pushes.ring("m1"));
          Pushes.handle(receiver, Pushes.ring("m1"));
          Pushes.handle(receiver, Pushes.ring("m2"));
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(meters.get("callpush.listener").tag("listener", EndpointSettings.FORWARD_LISTENER_ID)
              .tag("outcome", "succeeded").timer().count()).as("the duplicate is not published again").isEqualTo(2);
          assertThat(meters.find("callpush.listener").tag("outcome", "failed").timer()).isNull();
        });
  }

  @Test
  void countsWhatATooSmallInMemoryStoreForgetsEarly() {
    runner.withUserConfiguration(Meters.class, RingListenerConfiguration.class)
        .withPropertyValues("callpush.dedup.maximum-size=1").run(context -> {
          PushReceiver receiver = context.getBean(PushReceiver.class);
          MeterRegistry meters = context.getBean(MeterRegistry.class);
          Pushes.handle(receiver, Pushes.ring("e1"));
          assertThat(meters.get("callpush.dedup.forgotten_early").functionCounter().count()).isZero();

          Pushes.handle(receiver, Pushes.ring("e2"));

          assertThat(meters.get("callpush.dedup.forgotten_early").functionCounter().count()).isEqualTo(1);
        });
  }

  @Test
  void countsNothingWithoutAMeterRegistry() {
    runner.run(context -> assertThat(context).doesNotHaveBean(PushObserver.class));
    runner.withUserConfiguration(Meters.class).withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> assertThat(context).doesNotHaveBean(PushObserver.class));
  }

  @Test
  void reportsTheStoresHealthWhenActuatorIsPresent() {
    runner.run(context -> assertThat(health(context)).isEqualTo("UP"));
    runner.withPropertyValues("callpush.dedup.type=jdbc").withUserConfiguration(H2DataSource.class)
        .run(context -> assertThat(health(context)).isEqualTo("DOWN"));
    runner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate.health",
        "org.springframework.boot.health.contributor"))
        .run(context -> assertThat(context).doesNotHaveBean("callpushHealthIndicator"));
  }

  private static String health(AssertableApplicationContext context) throws ReflectiveOperationException {
    return BootAutoConfigurations.health(context).status();
  }

  private static int claimRows(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM callpush_dedup")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  /** The messages of the start-up failure and its causes, and what {@link CallpushFailureAnalyzer} makes of it. */
  private static String messages(ApplicationContextAssertProvider<?> context) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    FailureAnalysis analysis = new CallpushFailureAnalyzer().analyze(context.getStartupFailure());
    if (analysis != null) {
      messages.append(analysis.getDescription()).append('\n').append(analysis.getAction()).append('\n');
    }
    return messages.toString();
  }

  @Configuration(proxyBeanMethods = false)
  static class RingListenerConfiguration {

    @Bean
    PushListener<OutboundRing> rings() {
      return ring -> { };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class FailingListenerConfiguration {

    @Bean
    PushListener<OutboundRing> failingRings() {
      return ring -> {
        throw new IllegalStateException("crm down");
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnReceiver {

    final PushReceiver receiver = PushReceiver.builder().allowUnverified().build();

    @Bean
    PushReceiver ownReceiver() {
      return receiver;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnServletRegistration {

    @Bean
    ServletRegistrationBean<PushServlet> ownServlet(PushReceiver receiver) {
      return new ServletRegistrationBean<>(new PushServlet(receiver), "/own");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnStore {

    final InMemoryDedupStore store = InMemoryDedupStore.builder().build();

    @Bean
    DedupStore ownStore() {
      return store;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class H2DataSource {

    @Bean
    DataSource dataSource() {
      JdbcDataSource dataSource = new JdbcDataSource();
      dataSource.setURL("jdbc:h2:mem:" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
      return dataSource;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Meters {

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Hooks {

    final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();

    @Bean
    PushObserver deadLetterObserver() {
      return PushObserver.deadLetters(deadLetters::add);
    }

    @Bean
    PushReceiverConfigurer configurer() {
      return builder -> builder.onAny("from-configurer", event -> { });
    }
  }
}

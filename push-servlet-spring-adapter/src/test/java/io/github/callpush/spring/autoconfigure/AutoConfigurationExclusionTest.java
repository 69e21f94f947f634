package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.PushObserver;
import io.github.callpush.PushReceiver;
import io.github.callpush.dedup.DedupStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each concern of the adapter (the endpoint, metrics, health) is its own auto-configuration, listed in
 * {@code AutoConfiguration.imports}, and {@code spring.autoconfigure.exclude} takes out that one alone.
 */
class AutoConfigurationExclusionTest {

  private static final String HEALTH = "callpushHealthIndicator";
  private static final String METRICS = "callpushMetrics";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withUserConfiguration(App.class)
      .withPropertyValues("callpush.verification.allow-unverified=true");

  @Test
  void everyConcernIsConfiguredWhenNoneIsExcluded() {
    runner.run(context -> assertThat(context).hasNotFailed().hasSingleBean(PushReceiver.class)
        .hasBean(METRICS).hasBean(HEALTH));
  }

  @Test
  void excludingTheEndpointLeavesNoReceiverNorStore() {
    runner.withPropertyValues(exclude(CallpushAutoConfiguration.class)).run(context -> assertThat(context)
        .hasNotFailed().doesNotHaveBean(PushReceiver.class).doesNotHaveBean(DedupStore.class).hasBean(METRICS));
  }

  @Test
  void excludingMetricsLeavesTheReceiverWithoutMeters() {
    runner.withPropertyValues(exclude(CallpushMetricsAutoConfiguration.class)).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(PushReceiver.class).hasBean(HEALTH)
          .doesNotHaveBean(PushObserver.class);
      assertThat(context.getBean(MeterRegistry.class).find("callpush.received").counter()).isNull();
    });
  }

  @Test
  void excludingHealthLeavesTheReceiverWithoutAnIndicator() {
    runner.withPropertyValues(exclude(CallpushHealthAutoConfiguration.class, CallpushBoot4HealthAutoConfiguration.class))
        .run(context -> assertThat(context).hasNotFailed().hasSingleBean(PushReceiver.class).hasBean(METRICS)
            .doesNotHaveBean(HEALTH));
  }

  private static String exclude(Class<?>... autoConfigurations) {
    StringBuilder names = new StringBuilder("spring.autoconfigure.exclude=");
    for (Class<?> autoConfiguration : autoConfigurations) {
      names.append(names.charAt(names.length() - 1) == '=' ? "" : ",").append(autoConfiguration.getName());
    }
    return names.toString();
  }

  /** An application that lets Spring Boot find every auto-configuration, with a meter registry of its own. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class App {

    @Bean
    MeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }
}

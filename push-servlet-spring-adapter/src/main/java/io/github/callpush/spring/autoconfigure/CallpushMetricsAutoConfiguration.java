package io.github.callpush.spring.autoconfigure;

import io.github.callpush.PushObserver;
import io.github.callpush.PushReceiver;
import io.github.callpush.dedup.DedupStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The receiver's metrics as Micrometer meters (see {@link MicrometerPushMetrics}): a {@link PushObserver}
 * bean {@code callpushMetrics}, which the auto-configured receiver takes, when the application has a meter
 * registry.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass({PushReceiver.class, MeterRegistry.class})
@ConditionalOnBean(MeterRegistry.class)
public class CallpushMetricsAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does. */
  public CallpushMetricsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "callpushMetrics")
  PushObserver callpushMetrics(MeterRegistry registry, ObjectProvider<DedupStore> stores) {
    return new MicrometerPushMetrics(registry, stores.getIfAvailable());
  }
}

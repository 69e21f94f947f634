package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.DedupStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code callpush} on Spring Boot 3, probing the dedup store and, with
 * {@code callpush.forward.*}, down while the last publish to the broker failed. Its condition names
 * Boot 3's {@code HealthIndicator} as a string, so on Boot 4 (where
 * {@link CallpushBoot4HealthAutoConfiguration} applies) this class is never loaded.
 */
@AutoConfiguration(after = CallpushAutoConfiguration.class,
    afterName = "org.springframework.boot.actuate.autoconfigure.health.HealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.HealthIndicator")
@ConditionalOnSingleCandidate(DedupStore.class)
public class CallpushHealthAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does. */
  public CallpushHealthAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean(name = "callpushHealthIndicator")
  HealthIndicator callpushHealthIndicator(DedupStore store, ObjectProvider<ForwardOutcomes> forwarding) {
    CallpushHealthCheck check = new CallpushHealthCheck(store, forwarding.getIfAvailable());
    return new AbstractHealthIndicator(DedupStoreProbe.FAILED) {
      @Override
      protected void doHealthCheck(Health.Builder builder) {
        CallpushHealthCheck.Result result = check.run();
        (result.up() ? builder.up() : builder.down()).withDetails(result.details());
      }
    };
  }
}

package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.DedupStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The health indicator {@code callpush} on Spring Boot 4, probing the dedup store and, with
 * {@code callpush.forward.*}, down while the last publish to the broker failed. Its condition names
 * Boot 4's {@code HealthIndicator} as a string, so on Boot 3 (where
 * {@link CallpushHealthAutoConfiguration} applies) this class is never loaded.
 */
@AutoConfiguration(after = CallpushAutoConfiguration.class,
    afterName = "org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration")
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
@ConditionalOnSingleCandidate(DedupStore.class)
public class CallpushBoot4HealthAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does. */
  public CallpushBoot4HealthAutoConfiguration() {}

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

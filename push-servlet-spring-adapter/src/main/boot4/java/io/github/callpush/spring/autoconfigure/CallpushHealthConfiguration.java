package io.github.callpush.spring.autoconfigure;

import io.github.callpush.dedup.DedupStore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Spring Boot 4's health indicator {@code callpush}, probing the dedup store (Boot 3's is in src/main/boot3). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnSingleCandidate(DedupStore.class)
class CallpushHealthConfiguration {

  @Bean
  @ConditionalOnMissingBean(name = "callpushHealthIndicator")
  HealthIndicator callpushHealthIndicator(DedupStore store) {
    DedupStoreProbe probe = new DedupStoreProbe(store);
    return new AbstractHealthIndicator("callpush dedup store probe failed") {
      @Override
      protected void doHealthCheck(Health.Builder builder) {
        builder.up().withDetails(probe.probe());
      }
    };
  }
}

package io.github.callpush.spring.autoconfigure;

import io.github.callpush.PushListener;
import io.github.callpush.PushObserver;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushReceiverConfigurer;
import io.github.callpush.PushServlet;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.internal.StartupLog;
import io.github.callpush.spring.PushEventListener;
import io.github.callpush.verify.PushVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.unit.DataSize;

/**
 * Mounts a {@link PushServlet} at {@code callpush.path} in a servlet web application, serving a
 * {@link PushReceiver} built from the {@code callpush.*} properties, and registers every
 * {@link PushListener} bean and {@link PushEventListener} method with it. Mounting it logs one INFO line,
 * {@code callpush endpoint <path>: <the receiver's description>}.
 *
 * <p>Every bean backs off when the application defines its own. With a {@code PushReceiver} bean of
 * the application's, the servlet serves that one and the listener beans are still registered with it;
 * with a {@code ServletRegistrationBean<PushServlet>} of its own, none is mounted. The auto-configured
 * receiver takes the application's {@link DedupStore} bean when there is one, and every {@link PushObserver}
 * bean (metrics, dead letters, alerts) in their order; every {@link PushReceiverConfigurer} bean adjusts
 * its builder last.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(PushReceiver.class)
@EnableConfigurationProperties(CallpushProperties.class)
public class CallpushAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does. */
  public CallpushAutoConfiguration() {}

  /** Refuses unresolved placeholders and empty verification settings as {@code callpush.*} is bound. */
  @Bean
  static SettingsCheck callpushSettingsCheck() {
    return new SettingsCheck();
  }

  @Bean
  ListenerBeans callpushListenerBeans(ConfigurableListableBeanFactory beanFactory,
      ObjectProvider<PushReceiver> receiver, CallpushProperties properties, ApplicationEventPublisher publisher) {
    return new ListenerBeans(beanFactory, receiver, properties.isPublishApplicationEvents() ? publisher : null);
  }

  /** The receiver and its store, unless the application has a receiver. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(PushReceiver.class)
  static class ReceiverConfiguration {

    @Bean
    @ConditionalOnMissingBean
    DedupStore callpushDedupStore(CallpushProperties properties, ObjectProvider<DataSource> dataSources,
        Environment environment, ResourceLoader resourceLoader) {
      return DedupStores.of(properties.getDedup(), dataSources, environment, resourceLoader.getClassLoader());
    }

    @Bean
    DedupSweeper callpushDedupSweeper(CallpushProperties properties, DedupStore store) {
      Duration interval = properties.getDedup().getSweepInterval();
      if (interval.isNegative() || interval.isZero()) {
        throw InvalidProperty.of("callpush.dedup.sweep-interval", interval, "must be positive");
      }
      return new DedupSweeper(store, interval);
    }

    @Bean
    PushReceiver pushReceiver(CallpushProperties properties, DedupStore store, ObjectProvider<PushObserver> observers,
        ObjectProvider<PushReceiverConfigurer> configurers) throws Exception {
      PushReceiver.Builder builder = PushReceiver.builder().dedupStore(store)
          .zone(properties.getTimeZone())
          .failOpen(properties.isFailOpen())
          .logPhoneNumbers(properties.isLogPhoneNumbers());
      InvalidProperty.apply("callpush.ack-body", properties.getAckBody(),
          () -> builder.ackBody(properties.getAckBody()));
      DataSize maxBodySize = properties.getMaxBodySize();
      InvalidProperty.apply("callpush.max-body-size", maxBodySize,
          () -> builder.maxBodyBytes((int) Math.min(maxBodySize.toBytes(), Integer.MAX_VALUE)));
      InvalidProperty.apply("callpush.retry-after", properties.getRetryAfter(),
          () -> builder.retryAfter(properties.getRetryAfter()));
      if (properties.getAckDeadline() != null) {
        InvalidProperty.apply("callpush.ack-deadline", properties.getAckDeadline(),
            () -> builder.ackDeadline(properties.getAckDeadline()));
      }
      InvalidProperty.apply("callpush.dedup.lease", properties.getDedup().getLease(),
          () -> builder.lease(properties.getDedup().getLease()));
      InvalidProperty.apply("callpush.dedup.retention", properties.getDedup().getRetention(),
          () -> builder.retention(properties.getDedup().getRetention()));
      boolean allowUnverified = properties.getVerification().isAllowUnverified();
      PushVerifier verifier = Verifiers.of(properties.getVerification());
      if (verifier != null && allowUnverified) {
        throw InvalidProperty.unverifiedAndVerified();
      }
      if (verifier != null) {
        builder.verifier(verifier);
      } else if (allowUnverified) {
        builder.allowUnverified();
      }
      observers.orderedStream().forEach(builder::observer);
      PushObserver deadLetterDirectory = deadLetterDirectory(properties.getDeadLetters());
      if (deadLetterDirectory != null) {
        builder.observer(deadLetterDirectory);
      }
      for (PushReceiverConfigurer configurer : configurers.orderedStream().toList()) {
        configurer.configure(builder);
      }
      try {
        return builder.build();
      } catch (IllegalStateException refused) {
        if (verifier == null && !allowUnverified && refused.getMessage().contains("allowUnverified")) {
          throw InvalidProperty.noVerification(refused);
        }
        throw refused;
      }
    }
  }

  /** The directory {@code callpush.dead-letters.*} names, or null when none is set. */
  private static PushObserver deadLetterDirectory(CallpushProperties.DeadLetters settings) {
    if (settings.getDirectory() == null) {
      return null;
    }
    if (settings.getMaximum() <= 0) {
      throw InvalidProperty.of("callpush.dead-letters.maximum", settings.getMaximum(), "must be positive");
    }
    return InvalidProperty.make("callpush.dead-letters.directory", settings.getDirectory(),
        () -> PushObserver.deadLetterDirectory(settings.getDirectory(), settings.getMaximum()));
  }

  /** The endpoint, in a servlet web application that has not mounted one itself. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  static class ServletConfiguration {

    @Bean
    @ConditionalOnMissingBean(value = PushServlet.class, parameterizedContainer = ServletRegistrationBean.class)
    ServletRegistrationBean<PushServlet> callpushServlet(CallpushProperties properties, PushReceiver receiver) {
      String path = properties.getPath();
      if (path == null || !path.startsWith("/")) {
        throw InvalidProperty.of("callpush.path", path, "must start with /");
      }
      ServletRegistrationBean<PushServlet> registration =
          new ServletRegistrationBean<>(new PushServlet(receiver), path);
      registration.setName("callpushServlet");
      StartupLog.started(path, receiver);
      return registration;
    }
  }

  /** The receiver's metrics as Micrometer meters, when the application has a meter registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "callpushMetrics")
    PushObserver callpushMetrics(MeterRegistry registry, ObjectProvider<DedupStore> stores) {
      return new MicrometerPushMetrics(registry, stores.getIfAvailable());
    }
  }
}

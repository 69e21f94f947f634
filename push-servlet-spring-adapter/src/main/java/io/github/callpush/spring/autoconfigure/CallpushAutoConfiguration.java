package io.github.callpush.spring.autoconfigure;

import io.github.callpush.EndpointSettings;
import io.github.callpush.PushListener;
import io.github.callpush.PushObserver;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushReceiverConfigurer;
import io.github.callpush.PushServlet;
import io.github.callpush.ReceiverSetup;
import io.github.callpush.dedup.DedupStore;
import io.github.callpush.forward.PushForwarder;
import io.github.callpush.forward.PushForwarders;
import io.github.callpush.spring.PushEventListener;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * The endpoint: mounts a {@link PushServlet} at {@code callpush.path} in a servlet web application, serving a
 * {@link PushReceiver} built from the {@code callpush.*} properties (bound to {@link EndpointSettings}), and
 * registers every {@link PushListener} bean and {@link PushEventListener} method with it. Mounting it logs one
 * INFO line, {@code callpush endpoint <path>: <the receiver's description>}. Metrics and health are auto-configured
 * apart ({@link CallpushMetricsAutoConfiguration}, {@link CallpushHealthAutoConfiguration}), so that each can be
 * excluded on its own.
 *
 * <p>Every bean backs off when the application defines its own. With a {@code PushReceiver} bean of
 * the application's, the servlet serves that one and the listener beans are still registered with it;
 * with a {@code ServletRegistrationBean<PushServlet>} of its own, none is mounted. The auto-configured
 * receiver takes the application's {@link DedupStore} bean when there is one, and every {@link PushObserver}
 * bean (metrics, dead letters, alerts) in their order; every {@link PushReceiverConfigurer} bean adjusts
 * its builder last.
 */
@AutoConfiguration
@ConditionalOnClass(PushReceiver.class)
@EnableConfigurationProperties(CallpushProperties.class)
public class CallpushAutoConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(CallpushAutoConfiguration.class);

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

  /** The receiver, its settings and its store, unless the application has a receiver. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(PushReceiver.class)
  static class ReceiverConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EndpointSettings callpushEndpointSettings(CallpushProperties properties) {
      return SettingsBinding.settings(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    DedupStore callpushDedupStore(CallpushProperties properties, ObjectProvider<DataSource> dataSources,
        Environment environment, ResourceLoader resourceLoader) {
      return SelectedDedupStore.of(properties.getDedup(), dataSources, environment, resourceLoader.getClassLoader());
    }

    @Bean
    DedupSweeper callpushDedupSweeper(EndpointSettings settings, DedupStore store) {
      return new DedupSweeper(store, settings.sweepInterval());
    }

    /**
     * The forwarder {@code callpush.forward.url} names, or else {@code callpush.forward.broker} with the
     * application's own client of that broker where it has one (see {@link BrokerClientBeans}), else with Spring
     * Boot's settings of that broker (see {@link BootBrokerSpecs}); closed with the context; as a
     * {@code ReceivedPushListener} bean it listens under its name, the id every front end gives it.
     */
    /** The forwarder's last outcomes, an observer of the receiver, for the health indicator. */
    @Bean
    @Conditional(ForwardConfigured.class)
    ForwardOutcomes callpushForwardOutcomes() {
      return new ForwardOutcomes(Clock.systemUTC());
    }

    @Bean(EndpointSettings.FORWARD_LISTENER_ID)
    @Conditional(ForwardConfigured.class)
    PushForwarder callpushForwarder(CallpushProperties properties, Environment environment,
        ListableBeanFactory beans, ResourceLoader resourceLoader) {
      CallpushProperties.Forward forward = properties.getForward();
      String url = forward.getUrl();
      String property = "callpush.forward.url";
      if (forward.getDeadline() != null && (forward.getBroker() == null || forward.getDeadline().toMillis() < 1)) {
        throw InvalidProperty.of("callpush.forward.deadline", forward.getDeadline(), forward.getBroker() == null
            ? "it goes with callpush.forward.broker; callpush.forward.url gives its own (deadline.ms=, confirm-timeout-ms=)"
            : "a deadline is at least 1 ms");
      }
      if (forward.getBroker() != null) {
        if (url != null) {
          throw InvalidProperty.of("callpush.forward.broker", forward.getBroker(),
              "callpush.forward.url is set too: set one of them");
        }
        if (forward.getBroker() == CallpushProperties.Broker.KAFKA
            && (forward.getTopic() == null || forward.getTopic().isBlank())) {
          throw InvalidProperty.of("callpush.forward.topic", forward.getTopic(),
              "callpush.forward.broker=kafka publishes to this topic: set it");
        }
        PushForwarder reused = BrokerClientBeans.forwarder(forward, beans, resourceLoader.getClassLoader());
        if (reused != null) {
          return reused;
        }
        property = "callpush.forward.broker";
        url = switch (forward.getBroker()) {
          case RABBITMQ -> BootBrokerSpecs.rabbitmq(Binder.get(environment), forward.getExchange());
          case KAFKA -> BootBrokerSpecs.kafka(Binder.get(environment), forward.getTopic());
        };
        if (forward.getDeadline() != null) {
          url += (url.contains("?") ? "&" : "?") + switch (forward.getBroker()) {
            case RABBITMQ -> "confirm-timeout-ms=";
            case KAFKA -> "deadline.ms=";
          } + forward.getDeadline().toMillis();
        }
      }
      try {
        return PushForwarders.fromSpec(url);
      } catch (IllegalArgumentException | IllegalStateException refused) {
        Object shown = property.equals("callpush.forward.url") ? PushForwarders.shown(url) : forward.getBroker();
        throw InvalidProperty.of(property, shown, refused.getMessage(), refused);
      }
    }

    @Bean
    PushReceiver pushReceiver(EndpointSettings settings, DedupStore store, ObjectProvider<PushObserver> observers,
        ObjectProvider<PushReceiverConfigurer> configurers) throws Exception {
      ReceiverSetup setup = SettingsBinding.bound(settings::configure);
      PushReceiver.Builder builder = setup.builder().dedupStore(store);
      observers.orderedStream().forEach(builder::observer);
      for (PushReceiverConfigurer configurer : configurers.orderedStream().toList()) {
        configurer.configure(builder);
      }
      return SettingsBinding.bound(setup::build);
    }
  }

  /** {@code callpush.forward.url} or {@code callpush.forward.broker} is set. */
  static final class ForwardConfigured extends AnyNestedCondition {

    ForwardConfigured() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty("callpush.forward.url")
    static final class UrlSet {}

    @ConditionalOnProperty("callpush.forward.broker")
    static final class BrokerSet {}
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
      LOG.info("callpush endpoint {}: {}", path, receiver.describe());
      return registration;
    }
  }
}

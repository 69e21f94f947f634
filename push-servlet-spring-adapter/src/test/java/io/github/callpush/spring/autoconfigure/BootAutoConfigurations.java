package io.github.callpush.spring.autoconfigure;

import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.context.ApplicationContext;

/** Boot's own auto-configurations the tests add, in spring-boot-autoconfigure on Boot 3 and in modules on Boot 4. */
final class BootAutoConfigurations {

  private BootAutoConfigurations() {}

  /** Boot's {@code RabbitAutoConfiguration}. */
  static AutoConfigurations rabbit() {
    return of("org.springframework.boot.autoconfigure.amqp.RabbitAutoConfiguration",
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration");
  }

  /** Boot's {@code KafkaAutoConfiguration}. */
  static AutoConfigurations kafka() {
    return of("org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration");
  }

  /**
   * The status and details of the {@code callpushHealthIndicator} bean's health; by reflection, as Boot 3 and 4
   * differ in its type.
   */
  @SuppressWarnings("unchecked")
  static Health health(ApplicationContext context) throws ReflectiveOperationException {
    Object indicator = context.getBean("callpushHealthIndicator");
    Object health = indicator.getClass().getMethod("health").invoke(indicator);
    return new Health(health.getClass().getMethod("getStatus").invoke(health).toString(),
        (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health));
  }

  /** A health's status ({@code UP}, {@code DOWN}) and details. */
  record Health(String status, Map<String, Object> details) {}

  /** The class of the Boot on the class path, Boot 3's name or Boot 4's, with callpush's auto-configuration. */
  private static AutoConfigurations of(String boot3, String boot4) {
    ClassLoader loader = BootAutoConfigurations.class.getClassLoader();
    for (String name : new String[] {boot3, boot4}) {
      try {
        return AutoConfigurations.of(Class.forName(name, false, loader), CallpushAutoConfiguration.class);
      } catch (ClassNotFoundException otherBoot) {
        // the other Boot's name
      }
    }
    throw new IllegalStateException("neither " + boot3 + " nor " + boot4 + " is on the class path");
  }
}

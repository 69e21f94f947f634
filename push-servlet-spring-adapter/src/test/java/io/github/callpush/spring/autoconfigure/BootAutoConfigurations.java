package io.github.callpush.spring.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfigurations;

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

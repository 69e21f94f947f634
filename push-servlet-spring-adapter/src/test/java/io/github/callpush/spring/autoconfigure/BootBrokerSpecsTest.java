package io.github.callpush.spring.autoconfigure;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The forward URIs {@code callpush.forward.broker} builds from Spring Boot's own broker settings. */
class BootBrokerSpecsTest {

  private static Binder binder(String... properties) {
    Map<String, String> values = new HashMap<>();
    for (String property : properties) {
      int equals = property.indexOf('=');
      values.put(property.substring(0, equals), property.substring(equals + 1));
    }
    return new Binder(new MapConfigurationPropertySource(values));
  }

  /** The query of {@code spec}, decoded, as the forward URI's provider reads it. */
  private static Map<String, String> query(String spec) {
    Map<String, String> query = new HashMap<>();
    for (String pair : URI.create(spec).getRawQuery().split("&")) {
      String[] nameValue = pair.split("=", 2);
      query.put(URLDecoder.decode(nameValue[0], UTF_8), URLDecoder.decode(nameValue[1], UTF_8));
    }
    return query;
  }

  @Test
  void rabbitmqTakesBootsDefaultsWhenNothingIsSet() {
    assertThat(BootBrokerSpecs.rabbitmq(binder(), "callpush"))
        .isEqualTo("amqp://guest:guest@localhost:5672/%2F?exchange=callpush");
  }

  @Test
  void rabbitmqTakesHostPortCredentialsVirtualHostAndSslEncodingEachPart() {
    assertThat(BootBrokerSpecs.rabbitmq(binder("spring.rabbitmq.host=rabbit.internal",
        "spring.rabbitmq.username=call push", "spring.rabbitmq.password=p@ss:w/rd",
        "spring.rabbitmq.virtual-host=/calls", "spring.rabbitmq.ssl.enabled=true"), "pushes.in"))
        .isEqualTo("amqps://call%20push:p%40ss%3Aw%2Frd@rabbit.internal:5671/%2Fcalls?exchange=pushes.in");
    assertThat(BootBrokerSpecs.rabbitmq(binder("spring.rabbitmq.port=5673"), "x"))
        .isEqualTo("amqp://guest:guest@localhost:5673/%2F?exchange=x");
  }

  @Test
  void kafkaDefaultsToBootsBootstrapServerAndNoSettings() {
    assertThat(BootBrokerSpecs.kafka(binder(), "pushes")).isEqualTo("kafka://localhost:9092/pushes");
  }

  @Test
  void kafkaTakesTheProducersSettingsOverTheCommonOnesAndLeavesTheForwardersOwnOut() {
    String spec = BootBrokerSpecs.kafka(binder("spring.kafka.bootstrap-servers=a:9092,b:9092",
        "spring.kafka.client-id=app", "spring.kafka.security.protocol=SASL_SSL",
        "spring.kafka.properties.sasl.mechanism=PLAIN", "spring.kafka.properties.linger.ms=5",
        "spring.kafka.properties.session.timeout.ms=45000",
        "spring.kafka.producer.properties.linger.ms=20", "spring.kafka.producer.compression-type=zstd",
        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.producer.acks=1", "spring.kafka.producer.retries=0"), "pushes");

    assertThat(spec).startsWith("kafka://a:9092,b:9092/pushes?");
    assertThat(query(spec)).isEqualTo(Map.of("client.id", "app", "security.protocol", "SASL_SSL",
        "sasl.mechanism", "PLAIN", "linger.ms", "20", "compression.type", "zstd"));
    String producers = BootBrokerSpecs.kafka(binder("spring.kafka.bootstrap-servers=a:9092",
        "spring.kafka.producer.bootstrap-servers=p:9093", "spring.kafka.producer.client-id=producer",
        "spring.kafka.client-id=app", "spring.kafka.properties.sasl.jaas.config=a b=\"c&d\";"), "t");
    assertThat(producers).startsWith("kafka://p:9093/t?");
    assertThat(query(producers)).isEqualTo(Map.of("client.id", "producer", "sasl.jaas.config", "a b=\"c&d\";"));
  }
}

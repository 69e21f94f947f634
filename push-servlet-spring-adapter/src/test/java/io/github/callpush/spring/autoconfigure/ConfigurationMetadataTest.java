package io.github.callpush.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The IDE metadata the configuration processor generates from {@link CallpushProperties}. */
class ConfigurationMetadataTest {

  @Test
  void describesEveryPropertyWithItsDefault() throws Exception {
    Map<String, JsonNode> properties = metadata();
    assertThat(properties.get("callpush.path").get("defaultValue").asText()).isEqualTo("/callpush");
    assertThat(properties.get("callpush.path").get("description").asText()).isEqualTo("Servlet path the platform pushes to.");
    assertThat(properties.get("callpush.dedup.type").get("defaultValue").asText()).isEqualTo("memory");
    assertThat(properties).containsKeys("callpush.verification.hmac-secrets", "callpush.verification.tokens",
        "callpush.dedup.redis.url", "callpush.dedup.retention", "callpush.publish-application-events",
        "callpush.forward.url", "callpush.forward.broker", "callpush.forward.topic");
    assertThat(properties.get("callpush.forward.exchange").get("defaultValue").asText()).isEqualTo("callpush");
    assertThat(properties.values()).allSatisfy(node -> assertThat(node.path("description").asText()).isNotBlank());
  }

  @Test
  void theDefaultsShownAreTheDefaultsBound() throws Exception {
    Map<String, String> defaults = new HashMap<>();
    metadata().forEach((name, node) -> {
      if (node.has("defaultValue")) {
        defaults.put(name, node.get("defaultValue").asText());
      }
    });
    assertThat(defaults).containsKeys("callpush.max-body-size", "callpush.time-zone", "callpush.dedup.lease",
        "callpush.dedup.retention", "callpush.dedup.maximum-size", "callpush.dedup.redis.key-prefix");

    CallpushProperties bound = new Binder(new MapConfigurationPropertySource(defaults))
        .bind("callpush", Bindable.of(CallpushProperties.class)).get();

    assertThat(bound).usingRecursiveComparison().isEqualTo(new CallpushProperties());
  }

  private static Map<String, JsonNode> metadata() throws Exception {
    Map<String, JsonNode> properties = new HashMap<>();
    try (InputStream metadata = ConfigurationMetadataTest.class
        .getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      new ObjectMapper().readTree(metadata).get("properties").forEach(node -> properties.put(node.get("name").asText(), node));
    }
    return properties;
  }
}

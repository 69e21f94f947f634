package io.github.callpush.spring.autoconfigure;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Refuses, as each {@code callpush.*} value is bound, one that still holds a {@code ${...}} placeholder
 * (Spring Boot leaves an unresolvable one in place, so {@code ${CALLPUSH_TOKEN}} would become the token)
 * and an empty verification setting (an empty environment variable would otherwise configure nothing).
 * Once bound, it refuses unknown {@code callpush.*} names among the JVM's system properties too, which
 * Spring Boot's own check ({@code ignoreUnknownFields = false}) leaves out, as it does environment
 * variables (there {@code CALLPUSH_TOKEN} would read as {@code callpush.token}).
 */
final class SettingsCheck implements ConfigurationPropertiesBindHandlerAdvisor {

  private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("callpush");
  private static final ConfigurationPropertyName VERIFICATION = ConfigurationPropertyName.of("callpush.verification");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

  @Override
  public BindHandler apply(BindHandler bindHandler) {
    return new AbstractBindHandler(bindHandler) {

      /** The settings bound so far (values, lists and maps; not the objects that group them). */
      private final Set<ConfigurationPropertyName> bound = new HashSet<>();

      @Override
      public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
          Object result) {
        if (ROOT.isAncestorOf(name)) {
          check(name.toString(), result, VERIFICATION.isAncestorOf(name));
          if (!result.getClass().getName().startsWith(CallpushProperties.class.getName())) {
            bound.add(name);
          }
        }
        return super.onSuccess(name, target, context, result);
      }

      @Override
      public void onFinish(ConfigurationPropertyName name, Bindable<?> target, BindContext context, Object result)
          throws Exception {
        super.onFinish(name, target, context, result);
        if (context.getDepth() == 0 && ROOT.equals(name)) {
          refuseUnknownSystemProperties(context, bound);
        }
      }
    };
  }

  private static void refuseUnknownSystemProperties(BindContext context, Set<ConfigurationPropertyName> bound) {
    for (ConfigurationPropertySource source : context.getSources()) {
      if (source instanceof IterableConfigurationPropertySource names
          && source.getUnderlyingSource() instanceof PropertySource<?> properties
          && StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME.equals(properties.getName())) {
        String unknown = names.filter(ROOT::isAncestorOf).stream()
            .filter(name -> bound.stream().noneMatch(setting -> setting.equals(name) || setting.isAncestorOf(name)))
            .map(name -> name + " (system property)")
            .collect(Collectors.joining(", "));
        if (!unknown.isEmpty()) {
          throw InvalidProperty.unknown(unknown);
        }
      }
    }
  }

  private static void check(String property, Object value, boolean mustNotBeEmpty) {
    if (value instanceof Collection<?> values) {
      values.forEach(element -> check(property, element, false));
    } else if (value instanceof Map<?, ?> entries) {
      entries.values().forEach(element -> check(property, element, false));
    } else if (value instanceof CharSequence || value instanceof Path) {
      Matcher placeholder = PLACEHOLDER.matcher(value.toString());
      if (placeholder.find()) {
        throw InvalidProperty.unresolvedPlaceholder(property, placeholder.group());
      }
    }
    if (mustNotBeEmpty && isEmpty(value)) {
      throw InvalidProperty.empty(property);
    }
  }

  private static boolean isEmpty(Object value) {
    return value instanceof CharSequence text && text.toString().isBlank()
        || value instanceof Collection<?> values && values.isEmpty()
        || value instanceof Map<?, ?> entries && entries.isEmpty();
  }
}

package io.github.callpush.spring.autoconfigure;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindHandlerAdvisor;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;

/**
 * Refuses, as each {@code callpush.*} value is bound, one that still holds a {@code ${...}} placeholder
 * (Spring Boot leaves an unresolvable one in place, so {@code ${CALLPUSH_TOKEN}} would become the token)
 * and an empty verification setting (an empty environment variable would otherwise configure nothing).
 */
final class SettingsCheck implements ConfigurationPropertiesBindHandlerAdvisor {

  private static final ConfigurationPropertyName ROOT = ConfigurationPropertyName.of("callpush");
  private static final ConfigurationPropertyName VERIFICATION = ConfigurationPropertyName.of("callpush.verification");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

  @Override
  public BindHandler apply(BindHandler bindHandler) {
    return new AbstractBindHandler(bindHandler) {
      @Override
      public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
          Object result) {
        if (ROOT.isAncestorOf(name)) {
          check(name.toString(), result, VERIFICATION.isAncestorOf(name));
        }
        return super.onSuccess(name, target, context, result);
      }
    };
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

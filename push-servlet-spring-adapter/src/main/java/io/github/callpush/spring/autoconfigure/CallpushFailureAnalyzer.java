package io.github.callpush.spring.autoconfigure;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Turns a refused {@code callpush.*} setting into Spring Boot's "APPLICATION FAILED TO START" report:
 * the property and why, then what to do. It runs before Spring Boot's own analyzers, whose report of an
 * unknown property would show its value, which may be a secret.
 */
final class CallpushFailureAnalyzer implements FailureAnalyzer, Ordered {

  private static final String PREFIX = "callpush.";

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidProperty invalid) {
        return new FailureAnalysis(invalid.getMessage(), invalid.action(), failure);
      }
      if (cause instanceof UnboundConfigurationPropertiesException unbound && isCallpush(unbound)) {
        InvalidProperty unknown = InvalidProperty.unknown(describe(unbound.getUnboundProperties()));
        return new FailureAnalysis(unknown.getMessage(), unknown.action(), failure);
      }
    }
    return null;
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  private static boolean isCallpush(UnboundConfigurationPropertiesException unbound) {
    return unbound.getUnboundProperties().stream()
        .allMatch(property -> property.getName().toString().startsWith(PREFIX));
  }

  /** Each property's name and where it was set; never its value. */
  private static String describe(Set<ConfigurationProperty> properties) {
    return properties.stream()
        .map(property -> property.getName() + (property.getOrigin() == null ? "" : " (" + property.getOrigin() + ")"))
        .collect(Collectors.joining(", "));
  }
}

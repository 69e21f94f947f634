package io.github.callpush.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

class Slf4jProvidersTest {

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final Map<String, Object> attributes = new ConcurrentHashMap<>();
  private final ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
      new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
        case "log" -> logged.add((String) args[0]);
        case "getAttribute" -> attributes.get((String) args[0]);
        case "setAttribute" -> attributes.put((String) args[0], args[1]);
        default -> throw new UnsupportedOperationException(method.getName());
      });

  @Test
  void withoutAProviderTheContextLogSaysOnceWhichJarToAdd() {
    Slf4jProviders.reportIfMissing(context, new NOPLoggerFactory());
    Slf4jProviders.reportIfMissing(context, new NOPLoggerFactory());

    assertThat(logged).singleElement().asString()
        .contains("SLF4J found no logging provider")
        .contains("org.slf4j:slf4j-jdk14", "catalina.out", "logback-classic", "log4j-slf4j2-impl");
  }

  @Test
  void withAProviderNothingIsSaid() {
    Slf4jProviders.reportIfMissing(context);

    assertThat(LoggerFactory.getILoggerFactory()).isNotInstanceOf(NOPLoggerFactory.class);
    assertThat(logged).isEmpty();
  }
}

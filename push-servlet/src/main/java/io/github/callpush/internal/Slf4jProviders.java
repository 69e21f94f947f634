package io.github.callpush.internal;

import jakarta.servlet.ServletContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * Tells a webapp through its container's own log when SLF4J has no provider: callpush logs through SLF4J
 * only, so without one (SLF4J 2 then prints {@code No SLF4J providers were found} once to stderr) every
 * warning about rejected pushes, failed listeners and store outages is lost.
 */
public final class Slf4jProviders {

  /** The context attribute that marks the report as made, so that a servlet and a filter make it once. */
  static final String REPORTED_ATTRIBUTE = Slf4jProviders.class.getName() + ".reported";

  private Slf4jProviders() {}

  /** Logs once per context, through {@link ServletContext#log}, which jar to add when SLF4J has no provider. */
  public static void reportIfMissing(ServletContext context) {
    reportIfMissing(context, LoggerFactory.getILoggerFactory());
  }

  static void reportIfMissing(ServletContext context, ILoggerFactory factory) {
    if (!(factory instanceof NOPLoggerFactory) || context.getAttribute(REPORTED_ATTRIBUTE) != null) {
      return;
    }
    context.setAttribute(REPORTED_ATTRIBUTE, Boolean.TRUE);
    context.log("callpush: SLF4J found no logging provider, so callpush's warnings (rejected pushes, failed "
        + "listeners, dedup store outages) are lost. Add one to WEB-INF/lib: org.slf4j:slf4j-jdk14 (Tomcat's own "
        + "logging, catalina.out), ch.qos.logback:logback-classic, or org.apache.logging.log4j:log4j-slf4j2-impl "
        + "with log4j-core.");
  }
}

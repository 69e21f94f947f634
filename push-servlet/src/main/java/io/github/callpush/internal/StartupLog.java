package io.github.callpush.internal;

import io.github.callpush.PushReceiver;
import jakarta.servlet.ServletException;
import java.lang.System.Logger.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLoggerFactory;

/**
 * The start-up lines of {@code web.xml}-declared endpoints: the one INFO line that says what an
 * endpoint checks, and the ERROR that says why it did not start. Both must reach the log a user
 * reads even in a webapp without an SLF4J provider (where SLF4J drops everything): then they go to
 * the JDK's platform logging, which containers such as Tomcat write to their console log, with a
 * note that says which jar brings callpush's other messages back.
 */
public final class StartupLog {

  private static final String NAME = "io.github.callpush";
  private static final Logger LOG = LoggerFactory.getLogger(NAME);

  private StartupLog() {}

  /** Logs {@code callpush endpoint <where>: <receiver.describe()>} at INFO. */
  public static void started(String where, PushReceiver receiver) {
    log(Level.INFO, "callpush endpoint " + where + ": " + receiver.describe());
  }

  /** Logs at ERROR why {@code what} did not start, and returns the failure to throw to the container. */
  public static ServletException failed(String what, Exception failure) {
    log(Level.ERROR, "callpush " + what + " did not start, its endpoint stays closed: " + failure.getMessage());
    return failure instanceof ServletException servlet ? servlet : new ServletException(failure.getMessage(), failure);
  }

  /** Through SLF4J when it has a provider; else through platform logging, after saying what is missing. */
  private static void log(Level level, String line) {
    if (hasSlf4jProvider()) {
      LOG.atLevel(level == Level.ERROR ? org.slf4j.event.Level.ERROR : org.slf4j.event.Level.INFO).log(line);
    } else {
      System.Logger platform = System.getLogger(NAME);
      platform.log(Level.WARNING, noProvider());
      platform.log(level, line);
    }
  }

  /** Whether SLF4J found a provider, so that what callpush logs through it reaches a log. */
  static boolean hasSlf4jProvider() {
    return !(LoggerFactory.getILoggerFactory() instanceof NOPLoggerFactory);
  }

  private static String noProvider() {
    return "callpush logs through SLF4J, and this application has no SLF4J provider: its warnings (rejected pushes, "
        + "failing listeners, an unreachable dedup store) are lost. Add org.slf4j:slf4j-jdk14 to WEB-INF/lib to send "
        + "them to the container's java.util.logging (Tomcat: catalina.out), or the provider of your logging library "
        + "(ch.qos.logback:logback-classic, org.apache.logging.log4j:log4j-slf4j2-impl)";
  }
}

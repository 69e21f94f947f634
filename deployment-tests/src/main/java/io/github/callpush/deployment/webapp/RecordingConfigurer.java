package io.github.callpush.deployment.webapp;

import io.github.callpush.PushReceiver;
import io.github.callpush.PushReceiverConfigurer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Properties;

/**
 * The {@code configurer} of the test webapps: registers one catch-all listener that appends the id of
 * every event it handled, one line each, to the file the webapp's {@value #SETTINGS} resource names
 * ({@code events-file}), after waiting {@code listener-delay-millis} (default 0) as a slow listener would.
 */
public final class RecordingConfigurer implements PushReceiverConfigurer {

  /** The class-path resource, in {@code WEB-INF/classes}, holding this webapp's settings. */
  public static final String SETTINGS = "callpush-deployment-test.properties";

  /** Called by the servlet or filter through its {@code configurer} init-param. */
  public RecordingConfigurer() {}

  @Override
  public void configure(PushReceiver.Builder builder) throws IOException {
    Properties settings = new Properties();
    try (InputStream in = RecordingConfigurer.class.getResourceAsStream("/" + SETTINGS)) {
      if (in == null) {
        throw new IOException(SETTINGS + " is missing from WEB-INF/classes");
      }
      settings.load(in);
    }
    Path events = Path.of(settings.getProperty("events-file"));
    long delayMillis = Long.parseLong(settings.getProperty("listener-delay-millis", "0"));
    builder.onAny("recorder", event -> {
      Thread.sleep(delayMillis);
      append(events, event.eventId());
    });
  }

  private static synchronized void append(Path events, String eventId) {
    try {
      Files.writeString(events, eventId + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }
}

package io.github.callpush.apps;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application started as {@code java -jar app.jar ARGUMENTS}, as a user starts it; its
 * output (stdout and stderr) is read as it comes, on a thread named {@code app-output}. Once
 * {@link #awaitStarted started}, {@link #push} posts to its endpoint {@code /hooks/callpush}.
 */
final class AppProcess implements AutoCloseable {

  /** The packaged application under test, as the build made it. */
  static final Path JAR = Path.of(System.getProperty("packaged.app.jar"));

  /** How long a start or a stop may take on a busy two-core machine. */
  static final Duration PATIENCE = Duration.ofSeconds(120);

  /** The line the application logs once it serves HTTP. */
  static final Pattern STARTED = Pattern.compile("Started PushApp in");

  private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final Process process;
  private final StringBuilder output = new StringBuilder();
  private final Thread reader;
  private int port;

  private AppProcess(Process process) {
    this.process = process;
    this.reader = new Thread(this::read, "app-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts the application with {@code arguments} (those starting with {@code -D} are system properties, given
   * to the JVM), its environment adjusted by {@code environment}.
   */
  static AppProcess start(Consumer<Map<String, String>> environment, String... arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-Xmx256m"));
    List<String> applicationArguments = new ArrayList<>(List.of("-jar", JAR.toString(), "--server.port=0"));
    for (String argument : arguments) {
      (argument.startsWith("-D") ? command : applicationArguments).add(argument);
    }
    command.addAll(applicationArguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    environment.accept(builder.environment());
    return new AppProcess(builder.start());
  }

  /** Starts the application with {@code arguments} in this process's environment. */
  static AppProcess start(String... arguments) throws IOException {
    return start(environment -> { }, arguments);
  }

  /** Waits for a line matching {@code pattern}; fails, showing the output, if the process ends first or too late. */
  Matcher await(Pattern pattern) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    synchronized (output) {
      while (true) {
        Matcher matcher = pattern.matcher(output);
        if (matcher.find()) {
          return matcher;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !reader.isAlive()) {
          throw new AssertionError("no line matching " + pattern + " in the output of " + JAR.getFileName() + ":\n"
              + output);
        }
        TimeUnit.NANOSECONDS.timedWait(output, left);
      }
    }
  }

  /** Waits until the application serves HTTP (see {@link #await}); its port. */
  int awaitStarted() throws InterruptedException {
    port = Integer.parseInt(await(PORT).group(1));
    await(STARTED);
    return port;
  }

  /** POSTs {@code body} as JSON to the started application's endpoint with {@code token}; its answer. */
  HttpResponse<String> push(byte[] body, String token) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hooks/callpush?token=" + token))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** GETs {@code path} (with its query) from the started application; its answer. */
  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The platform's call record sample (test-fixtures' {@code cdr.json}), under the event id {@code eventId}. */
  static String callRecord(String eventId) throws IOException {
    String sample = Files.readString(Path.of(System.getProperty("sample.cdr")), StandardCharsets.UTF_8);
    return sample.replace("\"0db0948a14ea4b7eaa719f1f2501d142\"", "\"" + eventId + "\"");
  }

  /** Waits for the process to end by itself, and for all of its output; its exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError(JAR.getFileName() + " was expected to stop but still runs:\n" + output());
    }
    reader.join(PATIENCE.toMillis());
    return process.exitValue();
  }

  /** Everything the process wrote so far. */
  String output() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** Stops the process as a service manager would (SIGTERM), forcibly if it does not stop in time or we are interrupted. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
      reader.join(PATIENCE.toMillis());
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        synchronized (output) {
          output.append(line).append('\n');
          output.notifyAll();
        }
      }
    } catch (IOException closed) {
      // the process ended; what it wrote before is kept
    } finally {
      synchronized (output) {
        output.notifyAll();
      }
    }
  }
}

package io.github.callpush.deployment;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Tomcat process, as a user runs it: {@code bin/catalina.sh run} of an unpacked distribution
 * ({@code CATALINA_HOME}) with a base of its own ({@code CATALINA_BASE}: the distribution's {@code conf}
 * with a free HTTP port, no shutdown port, a {@code manager-script} and {@code manager-jmx} user, and only the
 * manager webapp),
 * the JDK running the tests as {@code JAVA_HOME}, and stdout and stderr in {@code logs/catalina.out}.
 * Webapps are deployed and undeployed through the manager's text interface, which also runs Tomcat's
 * leak detection ({@code findleaks}). {@link #close()} stops the process with SIGTERM, which Tomcat
 * answers with an orderly shutdown.
 */
final class TomcatServer implements AutoCloseable {

  /** Log phrases by which Tomcat reports what a stopped webapp left behind. */
  static final List<String> LEAK_PHRASES = List.of(
      "appears to have started a thread named", "failed to unregister it", "failed to stop", "memory leak");

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  private static final String MANAGER_USER = "deployment-tests";

  private final TomcatDistribution distribution;
  private final Path base;
  private final int port;
  private final String managerPassword = UUID.randomUUID().toString();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Process process;
  private final Thread killOnExit;

  private TomcatServer(TomcatDistribution distribution, Path base) throws IOException {
    this.distribution = distribution;
    this.base = base;
    this.port = freePort();
    createBase();
    ProcessBuilder builder = new ProcessBuilder("bash", distribution.home().resolve("bin/catalina.sh").toString(), "run")
        .directory(base.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(catalinaOutFile().toFile()));
    Map<String, String> environment = builder.environment();
    Stream.of("JRE_HOME", "JAVA_OPTS", "CATALINA_PID", "CATALINA_OUT", "CATALINA_TMPDIR").forEach(environment::remove);
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    environment.put("CATALINA_HOME", distribution.home().toString());
    environment.put("CATALINA_BASE", base.toString());
    environment.put("CATALINA_OPTS", "-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
    process = builder.start();
    killOnExit = new Thread(process::destroyForcibly, "tomcat-killer-" + base.getFileName());
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Starts {@code distribution} with a fresh {@code CATALINA_BASE} in {@code base} (deleted first) and
   * waits until the manager answers.
   */
  static TomcatServer start(TomcatDistribution distribution, Path base) throws IOException, InterruptedException {
    deleteRecursively(base);
    TomcatServer server = new TomcatServer(distribution, base);
    try {
      server.awaitManager();
    } catch (IOException | InterruptedException | RuntimeException | Error failed) {
      server.close();
      throw failed;
    }
    return server;
  }

  /** The distribution running. */
  TomcatDistribution distribution() {
    return distribution;
  }

  /** The URL of {@code path} (starting with {@code /}, may carry a query) on this server. */
  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /**
   * Deploys {@code webapp}'s WAR at {@code /NAME} through the manager ({@code /manager/text/deploy}, which
   * copies it into {@code webapps/}) and returns the manager's answer: {@code OK - Deployed ...} when the
   * context started, {@code FAIL - ...} when it did not.
   */
  String deploy(Webapp webapp) throws IOException, InterruptedException {
    return manager("deploy?path=" + encode(webapp.contextPath()) + "&war=" + encode("file:" + webapp.war()));
  }

  /** Undeploys the webapp at {@code contextPath} through the manager; returns the manager's answer. */
  String undeploy(String contextPath) throws IOException, InterruptedException {
    return manager("undeploy?path=" + encode(contextPath));
  }

  /** The manager's one-line state of the webapp at {@code contextPath}: {@code running}, {@code stopped} or null. */
  String state(String contextPath) throws IOException, InterruptedException {
    for (String line : manager("list").split("\n")) {
      String[] fields = line.split(":");
      if (fields.length >= 2 && fields[0].equals(contextPath)) {
        return fields[1];
      }
    }
    return null;
  }

  /**
   * The context paths Tomcat's leak detection ({@code /manager/text/findleaks}, after a full GC) reports
   * as stopped but still holding their class loader; one entry per leaked instance.
   */
  List<String> findLeaks() throws IOException, InterruptedException {
    String answer = manager("findleaks?statusLine=true");
    if (!answer.startsWith("OK")) {
      throw new IllegalStateException("findleaks failed: " + answer);
    }
    return answer.lines().skip(1).map(String::trim).filter(line -> !line.isEmpty()).toList();
  }

  /** Tomcat's thread dump ({@code /manager/text/threaddump}): one entry per live thread, its name in quotes. */
  String threadDump() throws IOException, InterruptedException {
    String answer = manager("threaddump");
    if (!answer.startsWith("OK")) {
      throw new IllegalStateException("threaddump failed: " + answer);
    }
    return answer;
  }

  /**
   * The names of the MBeans registered in Tomcat's JVM that match {@code query}, an {@code ObjectName} pattern
   * such as {@code kafka.producer:*}, through the manager's JMX proxy ({@code /manager/jmxproxy?qry=}).
   */
  List<String> mbeanNames(String query) throws IOException, InterruptedException {
    String answer = get("/manager/jmxproxy/?qry=" + encode(query));
    if (!answer.startsWith("OK")) {
      throw new IllegalStateException("jmxproxy " + query + " failed: " + answer);
    }
    return answer.lines().filter(line -> line.startsWith("Name: ")).map(line -> line.substring("Name: ".length()))
        .toList();
  }

  /**
   * The log a user reads: {@code logs/catalina.out} (the process's output, where the console handler
   * writes) and the {@code logs/catalina.DATE.log} files; not {@code localhost.DATE.log}.
   */
  String userLog() throws IOException {
    StringBuilder log = new StringBuilder();
    try (Stream<Path> files = Files.list(base.resolve("logs"))) {
      for (Path file : files.filter(TomcatServer::isUserLog).sorted().toList()) {
        log.append(Files.readString(file, UTF_8));
      }
    }
    return log.toString();
  }

  /** The lines of {@code catalina.out} in which Tomcat reports that the webapp {@code name} left something behind. */
  List<String> leakWarnings(String name) throws IOException {
    String context = "[" + name + "]";
    return catalinaOut().lines()
        .filter(line -> line.contains(context))
        .filter(line -> LEAK_PHRASES.stream().anyMatch(line.toLowerCase(Locale.ROOT)::contains))
        .toList();
  }

  /** {@code logs/catalina.out}: everything Tomcat's console handler wrote, synchronously, so up to date. */
  String catalinaOut() throws IOException {
    return Files.readString(catalinaOutFile(), UTF_8);
  }

  /** The last lines of {@code catalina.out}, for failure messages. */
  String catalinaOutTail() {
    try {
      List<String> lines = catalinaOut().lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    } catch (IOException unreadable) {
      return "(catalina.out unreadable: " + unreadable + ")";
    }
  }

  /** Stops Tomcat with SIGTERM (an orderly shutdown) and waits for it; kills it after 30 s or when interrupted. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      }
    } catch (InterruptedException interrupted) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    Runtime.getRuntime().removeShutdownHook(killOnExit);
  }

  private String manager(String command) throws IOException, InterruptedException {
    return get("/manager/text/" + command);
  }

  /** GETs {@code path} of the manager webapp as the manager user; fails unless answered 200. */
  private String get(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (MANAGER_USER + ":" + managerPassword).getBytes(UTF_8)))
        .timeout(Duration.ofSeconds(120))
        .build(), HttpResponse.BodyHandlers.ofString(UTF_8));
    if (response.statusCode() != 200) {
      throw new IllegalStateException("manager " + path + " answered " + response.statusCode() + ": "
          + response.body());
    }
    return response.body().strip();
  }

  private void awaitManager() throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(distribution + " exited with " + process.exitValue() + " at start:\n"
            + catalinaOutTail());
      }
      try {
        if (manager("serverinfo").startsWith("OK")) {
          return;
        }
      } catch (IOException | IllegalStateException notYet) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(distribution + " did not answer within " + START_TIMEOUT + ":\n"
              + catalinaOutTail(), notYet);
        }
      }
      Thread.sleep(250);
    }
  }

  private void createBase() throws IOException {
    Path home = distribution.home();
    Files.createDirectories(base.resolve("logs"));
    Files.createDirectories(base.resolve("temp"));
    copyRecursively(home.resolve("conf"), base.resolve("conf"));
    copyRecursively(home.resolve("webapps/manager"), base.resolve("webapps/manager"));
    Path serverXml = base.resolve("conf/server.xml");
    Files.writeString(serverXml, Files.readString(serverXml, UTF_8)
        .replace("<Server port=\"8005\"", "<Server port=\"-1\"")
        .replace("port=\"8080\"", "port=\"" + port + "\" address=\"127.0.0.1\"")
        .replace("autoDeploy=\"true\"", "autoDeploy=\"false\""), UTF_8);
    Files.writeString(base.resolve("conf/tomcat-users.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <tomcat-users xmlns="http://tomcat.apache.org/xml" version="1.0">
          <role rolename="manager-script"/>
          <role rolename="manager-jmx"/>
          <user username="%s" password="%s" roles="manager-script,manager-jmx"/>
        </tomcat-users>
        """.formatted(MANAGER_USER, managerPassword), UTF_8);
    // the test webapps have no TLDs, fragments nor container initializers: skip scanning their jars for them
    Files.writeString(base.resolve("conf/catalina.properties"),
        "\ntomcat.util.scan.StandardJarScanFilter.jarsToSkip=*.jar\n", UTF_8, StandardOpenOption.APPEND);
  }

  private Path catalinaOutFile() {
    return base.resolve("logs/catalina.out");
  }

  private static boolean isUserLog(Path file) {
    String name = file.getFileName().toString();
    return name.equals("catalina.out") || name.startsWith("catalina.") && name.endsWith(".log");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8);
  }

  static void copyRecursively(Path from, Path to) throws IOException {
    try (Stream<Path> tree = Files.walk(from)) {
      for (Path source : tree.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> tree = Files.walk(root)) {
      List<Path> paths = new ArrayList<>(tree.toList());
      Collections.reverse(paths);
      for (Path path : paths) {
        try {
          Files.delete(path);
        } catch (IOException undeletable) {
          throw new UncheckedIOException("cannot delete " + path, undeletable);
        }
      }
    }
  }
}

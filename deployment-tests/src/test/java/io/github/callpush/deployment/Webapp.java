package io.github.callpush.deployment;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.github.callpush.deployment.TomcatDistribution.ServletApi;
import io.github.callpush.deployment.webapp.ApplicationServlet;
import io.github.callpush.deployment.webapp.RecordingConfigurer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A test webapp as a user packages it: a WAR with a {@code web.xml} declaring callpush's {@code PushServlet}
 * (at {@code /callpush}) or {@code PushFilter} (in front of an {@link ApplicationServlet}) with init-params,
 * {@link RecordingConfigurer} as its {@code configurer}, and in {@code WEB-INF/lib} the callpush jar the
 * reactor built with what Maven resolved next to it (Jackson, SLF4J with {@code slf4j-jdk14}, HikariCP, the
 * PostgreSQL driver, Jedis). The events its listener handled are read back from {@link #handledEvents()}.
 *
 * @param name the WAR's name, so its context path is {@code /NAME}
 * @param war the WAR file
 * @param events the file the webapp's listener appends the id of every event it handled to
 */
record Webapp(String name, Path war, Path events) {

  /** The init-param naming the configurer, set on every webapp. */
  static final String CONFIGURER = "configurer";

  /** The context path the manager deploys it at. */
  String contextPath() {
    return "/" + name;
  }

  /** The path of the push endpoint, the context path included. */
  String pushPath() {
    return contextPath() + "/callpush";
  }

  /** The ids of the events the webapp's listener handled, in order, one per run. */
  List<String> handledEvents() throws IOException {
    return Files.exists(events) ? Files.readAllLines(events, UTF_8) : List.of();
  }

  /** Starts a webapp named {@code name} for {@code api}, built under the tests' work directory. */
  static Builder builder(String name, ServletApi api) {
    return new Builder(name, api);
  }

  /** Assembles a {@link Webapp}; one endpoint, a servlet or a filter. */
  static final class Builder {

    private final String name;
    private final ServletApi api;
    private final Map<String, String> initParams = new LinkedHashMap<>();
    private boolean filter;
    private boolean asyncSupported;
    private String contextAttributes;
    private Duration listenerDelay = Duration.ZERO;
    private final List<String> moreLibraries = new ArrayList<>();

    private Builder(String name, ServletApi api) {
      this.name = Objects.requireNonNull(name, "name");
      this.api = Objects.requireNonNull(api, "api");
      initParams.put(CONFIGURER, RecordingConfigurer.class.getName());
    }

    /** Adds an init-param of the servlet or filter. */
    Builder initParam(String name, String value) {
      initParams.put(name, value);
      return this;
    }

    /** Serves pushes with {@code PushFilter} mapped to {@code /*} in front of {@link ApplicationServlet}. */
    Builder asFilter() {
      filter = true;
      return this;
    }

    /** Declares {@code <async-supported>true</async-supported>} on the servlet (default: not declared). */
    Builder asyncSupported() {
      asyncSupported = true;
      return this;
    }

    /** Writes {@code META-INF/context.xml} as {@code <Context ATTRIBUTES/>}. */
    Builder contextAttributes(String attributes) {
      contextAttributes = attributes;
      return this;
    }

    /** How long the listener takes for each event (default none). */
    Builder listenerDelay(Duration delay) {
      listenerDelay = delay;
      return this;
    }

    /**
     * Adds the jars of {@code target/webapp-lib/DIRECTORY} to {@code WEB-INF/lib}, e.g. {@code forward-rabbitmq}
     * (push-forward-rabbitmq and amqp-client).
     */
    Builder libraries(String directory) {
      moreLibraries.add(directory);
      return this;
    }

    /** Writes {@code NAME.war} into the tests' work directory, replacing an earlier one, and forgets handled events. */
    Webapp build() throws IOException {
      Path directory = Path.of(requiredProperty("callpush.work"), "webapps");
      Files.createDirectories(directory);
      Webapp webapp = new Webapp(name, directory.resolve(name + ".war"), directory.resolve(name + ".events"));
      Files.deleteIfExists(webapp.events());
      try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(webapp.war()))) {
        add(zip, "WEB-INF/web.xml", webXml().getBytes(UTF_8));
        if (contextAttributes != null) {
          add(zip, "META-INF/context.xml", ("<Context " + contextAttributes + "/>\n").getBytes(UTF_8));
        }
        add(zip, "WEB-INF/classes/" + RecordingConfigurer.SETTINGS, ("events-file=" + escapeProperty(webapp.events())
            + "\nlistener-delay-millis=" + listenerDelay.toMillis() + "\n").getBytes(UTF_8));
        addClass(zip, RecordingConfigurer.class);
        if (filter) {
          addClass(zip, ApplicationServlet.class);
        }
        for (Path jar : libraries()) {
          zip.putNextEntry(new ZipEntry("WEB-INF/lib/" + jar.getFileName()));
          Files.copy(jar, zip);
          zip.closeEntry();
        }
      }
      return webapp;
    }

    private String webXml() {
      StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
          .append(api.webAppElement()).append(" metadata-complete=\"true\">\n");
      String kind = filter ? "filter" : "servlet";
      xml.append("  <").append(kind).append(">\n")
          .append("    <").append(kind).append("-name>callpush</").append(kind).append("-name>\n")
          .append("    <").append(kind).append("-class>io.github.callpush.Push").append(filter ? "Filter" : "Servlet")
          .append("</").append(kind).append("-class>\n");
      initParams.forEach((param, value) -> xml.append("    <init-param><param-name>").append(escapeXml(param))
          .append("</param-name><param-value>").append(escapeXml(value)).append("</param-value></init-param>\n"));
      if (!filter) {
        xml.append("    <load-on-startup>1</load-on-startup>\n");
      }
      if (asyncSupported) {
        xml.append("    <async-supported>true</async-supported>\n");
      }
      xml.append("  </").append(kind).append(">\n");
      if (filter) {
        xml.append("""
              <filter-mapping><filter-name>callpush</filter-name><url-pattern>/*</url-pattern></filter-mapping>
              <servlet><servlet-name>application</servlet-name><servlet-class>%s</servlet-class></servlet>
              <servlet-mapping><servlet-name>application</servlet-name><url-pattern>/</url-pattern></servlet-mapping>
            """.formatted(ApplicationServlet.class.getName()));
      } else {
        xml.append("  <servlet-mapping><servlet-name>callpush</servlet-name><url-pattern>/callpush</url-pattern>"
            + "</servlet-mapping>\n");
      }
      return xml.append("</web-app>\n").toString();
    }

    private List<Path> libraries() throws IOException {
      Path root = Path.of(requiredProperty("callpush.webapp-lib"));
      List<Path> jars = new ArrayList<>();
      List<String> directories = new ArrayList<>(List.of("common", api.libDirectory()));
      directories.addAll(moreLibraries);
      for (String directoryName : directories) {
        Path directory = root.resolve(directoryName);
        try (Stream<Path> files = Files.list(directory)) {
          files.filter(file -> file.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
      }
      return jars;
    }

    private static void addClass(ZipOutputStream zip, Class<?> type) throws IOException {
      String resource = type.getName().replace('.', '/') + ".class";
      try (InputStream in = Objects.requireNonNull(type.getClassLoader().getResourceAsStream(resource), resource)) {
        add(zip, "WEB-INF/classes/" + resource, in.readAllBytes());
      }
    }

    private static void add(ZipOutputStream zip, String entry, byte[] content) throws IOException {
      zip.putNextEntry(new ZipEntry(entry));
      zip.write(content);
      zip.closeEntry();
    }

    private static String escapeXml(String value) {
      return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String escapeProperty(Path path) {
      return path.toAbsolutePath().toString().replace("\\", "\\\\");
    }
  }

  static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException("system property " + name + " is not set; run the tests with mvn verify"
          + " -Pintegration");
    }
    return value;
  }
}

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The classes this module compiles from push-servlet's sources name the javax Servlet API and never the jakarta one,
 * and use nothing newer than Servlet 3.1 (Tomcat 8.5).
 */
class CompiledForJavaxTest {

  /** push-servlet's sources as this module compiles them (Maven runs the tests in the module's directory). */
  private static final Path JAVAX_SOURCES = Path.of("target/javax-sources/java");
  /** The API Tomcat 8.5 provides, copied there by the build. */
  private static final Path SERVLET_31_API = Path.of("target/servlet-3.1/servlet-api-3.1.jar");

  /** Where the module's classes are: {@code target/classes} under surefire, the packaged jar under failsafe. */
  static Path classesLocation() throws URISyntaxException {
    return Path.of(PushServlet.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  @Test
  void noClassOrResourceNamesJakarta() throws Exception {
    assertThat(ClassFileStrings.containing(classesLocation(), "jakarta")).isEmpty();
  }

  @Test
  void theServletAndFilterAreBuiltOnTheJavaxServletApi() throws Exception {
    assertThat(javax.servlet.http.HttpServlet.class).isAssignableFrom(PushServlet.class);
    assertThat(javax.servlet.Filter.class).isAssignableFrom(PushFilter.class);
    assertThat(ClassFileStrings.containing(classesLocation(), "javax/servlet"))
        .containsKeys("io/github/callpush/PushServlet.class", "io/github/callpush/PushFilter.class",
            "io/github/callpush/ServletExchange.class", "io/github/callpush/internal/InitParameters.class");
  }

  @Test
  void sourcesCompileAgainstTheServlet31ApiOfTomcat85(@TempDir Path classes) throws IOException {
    Stream<String> dependencies = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> entry.endsWith(".jar") && !entry.contains("servlet-api") && !entry.contains("tomcat-"));
    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none", "-d", classes.toString(), "-cp",
        Stream.concat(Stream.of(SERVLET_31_API.toString()), dependencies).collect(Collectors.joining(File.pathSeparator))));
    try (Stream<Path> files = Files.walk(JAVAX_SOURCES)) {
      files.filter(file -> file.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
    }
    ByteArrayOutputStream errors = new ByteArrayOutputStream();

    int exit = ToolProvider.getSystemJavaCompiler().run(null, errors, errors, arguments.toArray(String[]::new));

    assertThat(exit).as("javac against %s:%n%s", SERVLET_31_API, errors).isZero();
    assertThat(classes.resolve("io/github/callpush/PushFilter.class")).exists();
  }

  @Test
  void scanFindsJakartaInAClassAResourceAndAFileName(@TempDir Path classes) throws IOException {
    Path source = Files.writeString(classes.resolve("Legacy.java"),
        "class Legacy { Class<?> servlet() throws Exception { return Class.forName(\"jakarta.servlet.Servlet\"); } }");
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), source.toString()))
        .isZero();
    Files.delete(source);
    Files.createDirectories(classes.resolve("META-INF/services"));
    Files.writeString(classes.resolve("META-INF/services/jakarta.servlet.ServletContainerInitializer"), "x.Init\n");
    Files.writeString(classes.resolve("web-fragment.xml"), "<filter-class>jakarta.servlet.Filter</filter-class>");

    assertThat(ClassFileStrings.containing(classes, "jakarta")).containsOnlyKeys("Legacy.class",
        "META-INF/services/jakarta.servlet.ServletContainerInitializer", "web-fragment.xml");
  }

  @Test
  void constantPoolReaderSeesWhatAClassRefersTo() throws IOException {
    byte[] classFile;
    try (InputStream in = PushServlet.class.getResourceAsStream("PushServlet.class")) {
      classFile = in.readAllBytes();
    }
    assertThat(ClassFileStrings.utf8Constants(classFile))
        .contains("javax/servlet/http/HttpServlet", "io/github/callpush/ServletExchange", "receiver");
  }
}

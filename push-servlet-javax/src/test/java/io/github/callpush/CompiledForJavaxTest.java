package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The classes this module compiles from push-servlet's sources name the javax Servlet API and never the jakarta one. */
class CompiledForJavaxTest {

  /** Where the module's classes are: {@code target/classes} under surefire. */
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
            "io/github/callpush/internal/ServletExchange.class", "io/github/callpush/internal/InitParameters.class");
  }

  @Test
  void constantPoolReaderSeesWhatAClassRefersTo() throws IOException {
    byte[] classFile;
    try (InputStream in = PushServlet.class.getResourceAsStream("PushServlet.class")) {
      classFile = in.readAllBytes();
    }
    assertThat(ClassFileStrings.utf8Constants(classFile))
        .contains("javax/servlet/http/HttpServlet", "io/github/callpush/internal/ServletExchange", "receiver");
  }
}

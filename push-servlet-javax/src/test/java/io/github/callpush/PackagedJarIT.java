package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The jar this module publishes, as failsafe puts it on the classpath after {@code package}. */
class PackagedJarIT {

  @Test
  void publishedJarNamesNoJakartaAndHasItsOwnModuleName() throws Exception {
    Path jar = CompiledForJavaxTest.classesLocation();
    assertThat(jar.getFileName().toString()).as("failsafe tests the packaged jar").endsWith(".jar");

    assertThat(ClassFileStrings.containing(jar, "jakarta")).isEmpty();
    try (JarFile file = new JarFile(jar.toFile())) {
      assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
          .isEqualTo("io.github.callpush.javax");
      assertThat(file.getEntry("io/github/callpush/dedup/callpush_dedup-postgresql.sql"))
          .as("push-servlet's resources are packaged too").isNotNull();
    }
  }
}

package io.github.callpush.dedup;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Runs {@link WebappDriverScenario} in a loader like a webapp's, with a driver the test class path never sees. */
final class WebappClassLoaders {

  private WebappClassLoaders() {}

  /**
   * Runs the scenario for {@code spec} in a loader of callpush's classes (or jar, as failsafe gives it), its
   * test classes, HikariCP, SLF4J and the jar of this class path whose file name starts with {@code driverJar},
   * over the platform class loader, which sees none of them; the loader is the thread's context class loader
   * meanwhile, as a container makes a webapp's.
   */
  static List<String> runScenario(String driverJar, String spec) throws Exception {
    DriverManager.getDrivers(); // initialised, as the container has, before the webapp starts
    List<URL> webapp = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(entry).getFileName().toString();
      if (name.equals("classes") || name.equals("test-classes") || name.startsWith("push-servlet-")
          || name.startsWith("HikariCP-")
          || name.startsWith("slf4j-api-") || name.startsWith(driverJar)) {
        webapp.add(Path.of(entry).toUri().toURL());
      }
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader("webapp", webapp.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(loader);
      @SuppressWarnings("unchecked")
      Function<String, List<String>> scenario = (Function<String, List<String>>) loader
          .loadClass(WebappDriverScenario.class.getName()).getConstructor().newInstance();
      return scenario.apply(spec);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}

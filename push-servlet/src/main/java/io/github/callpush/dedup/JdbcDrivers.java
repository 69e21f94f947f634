package io.github.callpush.dedup;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Iterator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The JDBC driver of a {@code jdbc:} store spec, found with {@link ServiceLoader} in the thread's context
 * class loader (a webapp's, whose {@code WEB-INF/lib} holds the driver) and then in callpush's own, never
 * through {@link DriverManager}, which a servlet container initialised with its own loader and which so
 * never sees a webapp's driver. Loading a driver registers it with {@code DriverManager} (drivers do so in
 * their static initialiser); {@link #deregister} undoes the registrations this loading made, so that an
 * undeployed webapp leaves no driver behind.
 */
final class JdbcDrivers {

  private final Driver driver;
  private final Set<Driver> registered;

  private JdbcDrivers(Driver driver, Set<Driver> registered) {
    this.driver = driver;
    this.registered = registered;
  }

  /**
   * The first driver that accepts {@code url}.
   *
   * @throws IllegalArgumentException when none does, naming the URL without its password
   */
  static JdbcDrivers accepting(String url) {
    ClassLoader own = JdbcDrivers.class.getClassLoader();
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    List<ClassLoader> loaders = context == null || context == own ? List.of(own) : List.of(context, own);
    Set<Driver> before = registeredDrivers();
    Driver found = null;
    for (int i = 0; i < loaders.size() && found == null; i++) {
      found = accepting(url, loaders.get(i));
    }
    Set<Driver> registered = registeredDrivers();
    registered.removeAll(before);
    registered.removeIf(loaded -> !loaders.contains(loaded.getClass().getClassLoader()));
    JdbcDrivers drivers = new JdbcDrivers(found, registered);
    if (found == null) {
      drivers.deregister();
      throw new IllegalArgumentException("no JDBC driver on the class path accepts " + DedupStores.withoutPassword(url)
          + "; add the database's driver (e.g. org.postgresql:postgresql) next to callpush (a webapp's WEB-INF/lib)");
    }
    return drivers;
  }

  /** The driver that accepts the URL. */
  Driver driver() {
    return driver;
  }

  /** Deregisters from {@link DriverManager} the drivers that loading this one registered. */
  void deregister() {
    for (Driver loaded : registered) {
      try {
        DriverManager.deregisterDriver(loaded);
      } catch (SQLException | SecurityException refused) {
        LoggerFactory.getLogger(JdbcDrivers.class).warn("could not deregister the JDBC driver {}",
            loaded.getClass().getName(), refused);
      }
    }
    registered.clear();
  }

  private static Driver accepting(String url, ClassLoader loader) {
    Iterator<Driver> providers = ServiceLoader.load(Driver.class, loader).iterator();
    while (true) {
      try {
        if (!providers.hasNext()) {
          return null;
        }
        Driver candidate = providers.next();
        if (candidate.acceptsURL(url)) {
          return candidate;
        }
      } catch (ServiceConfigurationError | SQLException broken) {
        LoggerFactory.getLogger(JdbcDrivers.class).debug("skipping a JDBC driver that could not be loaded", broken);
      }
    }
  }

  /** The drivers registered with {@link DriverManager} that callpush's class loader sees, by identity. */
  private static Set<Driver> registeredDrivers() {
    Set<Driver> drivers = Collections.newSetFromMap(new IdentityHashMap<>());
    drivers.addAll(Collections.list(DriverManager.getDrivers()));
    return drivers;
  }
}

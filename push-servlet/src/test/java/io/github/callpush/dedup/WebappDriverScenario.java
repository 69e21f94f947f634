package io.github.callpush.dedup;

import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Runs inside a class loader that plays a webapp's (callpush, HikariCP and a JDBC driver in it, none of
 * them visible to its parent): builds a store from the {@code jdbc:} spec it is given, uses it, closes it,
 * and tells what it saw, as lines.
 */
public final class WebappDriverScenario implements Function<String, List<String>> {

  @Override
  public List<String> apply(String spec) {
    List<String> seen = new ArrayList<>();
    String eventKey = "driver-scenario-" + System.nanoTime();
    DedupStore store = DedupStores.fromSpec(spec);
    seen.add("claim " + store.claim(eventKey, "listener", "owner", Duration.ofMinutes(1)));
    seen.add("release " + store.release(eventKey, "listener", "owner"));
    seen.add("drivers while open " + driversOfThisLoader());
    store.close();
    seen.add("drivers after close " + driversOfThisLoader());
    return seen;
  }

  /** The drivers registered with DriverManager whose class comes from this scenario's class loader. */
  private static List<String> driversOfThisLoader() {
    return Collections.list(DriverManager.getDrivers()).stream()
        .filter(driver -> driver.getClass().getClassLoader() == WebappDriverScenario.class.getClassLoader())
        .map(driver -> driver.getClass().getName())
        .toList();
  }
}

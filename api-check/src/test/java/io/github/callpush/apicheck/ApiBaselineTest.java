package io.github.callpush.apicheck;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The public API of every published module is the listing committed in {@code api-check/api/MODULE.api}; with
 * {@code -Dapi.update=true} the built listings are written there instead (see docs/testing.md).
 */
class ApiBaselineTest {

  private static final String UPDATE_COMMAND = "mvn -B -ntp -pl api-check -am verify -Dapi.update=true"
      + " -Dtest=ApiBaselineTest -Dsurefire.failIfNoSpecifiedTests=false";

  @ParameterizedTest
  @ValueSource(strings = {"push-servlet", "push-servlet-javax", "push-servlet-spring-adapter", "test-fixtures",
      "push-forward-kafka", "push-forward-rabbitmq"})
  void publicApiIsTheCommittedListing(String module) throws IOException {
    String built = ApiListing.of(Path.of(mavenProperty("api.module." + module)));
    Path baseline = Path.of(mavenProperty("api.baselines"), module + ".api");
    if (Boolean.getBoolean("api.update")) {
      Files.writeString(baseline, built);
      return;
    }
    String committed = Files.exists(baseline) ? Files.readString(baseline) : "";
    String diff = UnifiedDiff.between(
        "api-check/api/" + module + ".api (committed)", lines(committed), module + " (built)", lines(built));
    if (!diff.isEmpty()) {
      fail("The public API of " + module + " is not the committed api-check/api/" + module + ".api:\n"
          + diff
          + "If the change is deliberate, rewrite the listings with\n"
          + "  " + UPDATE_COMMAND + "\n"
          + "and commit api-check/api/" + module + ".api with the change: its diff is the API change to review.");
    }
  }

  private static String mavenProperty(String name) {
    return Objects.requireNonNull(
        System.getProperty(name), () -> name + " is set by api-check/pom.xml: run the test with Maven");
  }

  private static List<String> lines(String text) {
    return text.lines().toList();
  }
}

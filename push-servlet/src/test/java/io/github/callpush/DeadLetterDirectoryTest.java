package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLetterDirectoryTest {

  private static final Instant AT = Instant.parse("2026-11-25T00:15:00.123Z");

  @TempDir
  Path directory;

  @Test
  void keepsTheBodyByteForByteAndDescribesIt() throws IOException {
    byte[] body = {'{', '"', (byte) 0xFF, 0, (byte) 0xC3, '\n'};
    new DeadLetterDirectory(directory, 10).keep(new DeadLetter(body, true, 413, "body exceeds the limit of 6 bytes", "application/json",
            "192.0.2.7", AT));

    List<Path> bodies = files("*.json");
    assertThat(bodies).hasSize(1);
    Path kept = bodies.get(0);
    assertThat(Files.readAllBytes(kept)).isEqualTo(body);
    assertThat(kept.getFileName().toString()).startsWith("20261125T001500.123Z-").endsWith("-413.json");
    Properties description = description(kept);
    assertThat(description).containsEntry("status", "413")
        .containsEntry("reason", "body exceeds the limit of 6 bytes")
        .containsEntry("receivedAt", "2026-11-25T00:15:00.123Z")
        .containsEntry("remoteAddress", "192.0.2.7")
        .containsEntry("contentType", "application/json")
        .containsEntry("bytes", "6")
        .containsEntry("truncated", "true");
    assertThat(files("*.tmp")).isEmpty();
  }

  @Test
  void keepsTheOlderPushsParametersAsAFormThatCountsTowardsTheLimit() throws IOException {
    DeadLetterDirectory kept = new DeadLetterDirectory(directory, 2);
    byte[] form = "CallSheetID=cs-1&CallState=Ring".getBytes(StandardCharsets.US_ASCII);
    kept.keep(new DeadLetter(form, false, 401, "invalid token", "application/x-www-form-urlencoded", "192.0.2.7", AT));
    kept.keep(letter(400, AT));
    kept.keep(letter(400, AT));

    assertThat(files("*.form")).singleElement().satisfies(path -> {
      assertThat(Files.readAllBytes(path)).isEqualTo(form);
      assertThat(description(path)).containsEntry("contentType", "application/x-www-form-urlencoded");
    });
    assertThat(files("*.json")).as("the form counted: one more JSON letter, then the limit").hasSize(1);
    new DeadLetterDirectory(directory, 2).keep(letter(400, AT));
    assertThat(files("*.json")).as("a new receiver counts the form at start").hasSize(1);
  }

  @Test
  void namesSortByArrival() throws IOException {
    DeadLetterDirectory hook = new DeadLetterDirectory(directory, 10);
    for (int i = 0; i < 10; i++) {
      hook.keep(letter(400, AT.plusMillis(i / 3)));
    }

    List<String> names = files("*.json").stream().map(path -> path.getFileName().toString()).toList();
    assertThat(names).hasSize(10).isSorted();
    List<String> arrivals = new ArrayList<>();
    for (Path body : files("*.json")) {
      arrivals.add(description(body).getProperty("receivedAt"));
    }
    assertThat(arrivals).isSorted();
  }

  @Test
  void ownerAloneMayReadTheFiles() throws IOException {
    new DeadLetterDirectory(directory, 10).keep(letter(401, AT));

    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      for (Path file : files("*")) {
        assertThat(Files.getPosixFilePermissions(file))
            .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      }
    }
    assertThat(files("*")).hasSize(2);
  }

  @Test
  void dropsLettersBeyondTheLimitUntilFilesAreRemoved() throws IOException {
    DeadLetterDirectory hook = new DeadLetterDirectory(directory, 2, Duration.ZERO);
    for (int i = 0; i < 5; i++) {
      hook.keep(letter(400, AT.plusMillis(i)));
    }
    assertThat(files("*.json")).hasSize(2);

    Files.delete(files("*.json").get(0));
    hook.keep(letter(400, AT.plusMillis(9)));

    assertThat(files("*.json")).hasSize(2)
        .anySatisfy(body -> assertThat(body.getFileName().toString()).startsWith("20261125T001500.132Z-"));
  }

  @Test
  void countsTheLettersAlreadyThere() throws IOException {
    Files.writeString(directory.resolve("earlier-1.json"), "{}");
    Files.writeString(directory.resolve("earlier-2.json"), "{}");

    new DeadLetterDirectory(directory, 3).keep(letter(400, AT));
    new DeadLetterDirectory(directory, 3).keep(letter(400, AT));

    assertThat(files("*.json")).hasSize(3);
  }

  @Test
  void concurrentLettersAreKeptWhole() throws Exception {
    DeadLetterDirectory hook = new DeadLetterDirectory(directory, 1000);
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        int id = thread;
        done.add(threads.submit(() -> {
          for (int i = 0; i < 50; i++) {
            hook.keep(new DeadLetter(("{\"thread\":" + id + ",\"i\":" + i + "}").getBytes(StandardCharsets.UTF_8),
                false, 400, "bad", "application/json", "127.0.0.1", AT));
          }
          return null;
        }));
      }
      for (Future<?> future : done) {
        future.get();
      }
    } finally {
      threads.shutdownNow();
    }

    List<Path> bodies = files("*.json");
    assertThat(bodies).hasSize(400);
    Set<String> contents = new HashSet<>();
    for (Path body : bodies) {
      contents.add(Files.readString(body));
      assertThat(description(body)).containsEntry("status", "400");
    }
    assertThat(contents).hasSize(400);
  }

  @Test
  void refusesWhatCannotWork() throws IOException {
    Path file = Files.writeString(directory.resolve("a-file"), "x");

    assertThatThrownBy(() -> PushObserver.deadLetterDirectory(file, 10))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a-file");
    assertThatThrownBy(() -> PushObserver.deadLetterDirectory(directory, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumLetters must be positive");
  }

  @Test
  void receiverHandsItEveryRejectedPush() throws IOException {
    PushReceiver receiver = PushReceiver.builder().allowUnverified().observer(PushObserver.deadLetterDirectory(directory, 10)).build();
    byte[] malformed = "{\"pushType\": \"cdr\",".getBytes(StandardCharsets.UTF_8);

    PushResponse response = receiver.handle(PushRequest.builder().body(malformed).remoteAddress("192.0.2.9").build());

    assertThat(response.status()).isEqualTo(400);
    assertThat(files("*.json")).singleElement().satisfies(body -> {
      assertThat(Files.readAllBytes(body)).isEqualTo(malformed);
      assertThat(description(body)).containsEntry("status", "400").containsEntry("remoteAddress", "192.0.2.9");
    });
  }

  private static DeadLetter letter(int status, Instant at) {
    return new DeadLetter("{}".getBytes(StandardCharsets.UTF_8), false, status, "bad", null, "127.0.0.1", at);
  }

  private List<Path> files(String glob) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(directory)) {
      var matcher = directory.getFileSystem().getPathMatcher("glob:" + glob);
      listed.filter(path -> matcher.matches(path.getFileName())).sorted().forEach(files::add);
    }
    return files;
  }

  private static Properties description(Path body) throws IOException {
    String name = body.getFileName().toString();
    Properties description = new Properties();
    try (Reader in = Files.newBufferedReader(
        body.resolveSibling(name.substring(0, name.lastIndexOf('.')) + ".properties"))) {
      description.load(in);
    }
    return description;
  }
}

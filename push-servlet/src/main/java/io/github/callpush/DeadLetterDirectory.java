package io.github.callpush;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the observer {@link PushObserver#deadLetterDirectory} keeps dead letters. Thread-safe: receivers call it from every request
 * thread. Several receivers, in one process or not, may share the directory; each keeps to the limit by
 * its own count (the files it found at start plus those it wrote, recounted once full), so together
 * they may go past it by what the others wrote since.
 */
final class DeadLetterDirectory {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDirectory.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);
  /** How long a full directory is believed full before its files are counted again. */
  private static final Duration RECOUNT_AFTER = Duration.ofSeconds(10);
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String FORM_SUFFIX = ".form";
  private static final String JSON_SUFFIX = ".json";

  private final Path directory;
  private final int maximumLetters;
  private final long recountNanos;
  /** Tells this hook's files from those of another receiver writing to the same directory. */
  private final String instance = HexFormat.of().toHexDigits(new SecureRandom().nextInt()).substring(2);
  private final AtomicLong sequence = new AtomicLong();
  private final Object countLock = new Object();
  private long letters;
  private long countedAt;
  private boolean full;

  DeadLetterDirectory(Path directory, int maximumLetters) {
    this(directory, maximumLetters, RECOUNT_AFTER);
  }

  DeadLetterDirectory(Path directory, int maximumLetters, Duration recountAfter) {
    Objects.requireNonNull(directory, "directory");
    if (maximumLetters <= 0) {
      throw new IllegalArgumentException("maximumLetters must be positive but was " + maximumLetters);
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot create the dead-letter directory " + directory + ": " + e, e);
    }
    if (!Files.isWritable(directory)) {
      throw new IllegalArgumentException("the dead-letter directory " + directory + " is not writable");
    }
    this.directory = directory;
    this.maximumLetters = maximumLetters;
    this.recountNanos = recountAfter.toNanos();
    this.letters = count();
    this.countedAt = System.nanoTime();
  }

  /** Writes the letter, unless the directory is full. */
  void keep(DeadLetter letter) {
    if (!reserve()) {
      return;
    }
    try {
      LOG.debug("dead letter kept as {}", directory.resolve(write(letter)));
    } catch (IOException e) {
      release();
      throw new UncheckedIOException("could not keep the dead letter in " + directory, e);
    }
  }

  /** Takes a place for one more letter, or says the directory is full. */
  private boolean reserve() {
    synchronized (countLock) {
      if (letters >= maximumLetters && System.nanoTime() - countedAt >= recountNanos) {
        letters = count();
        countedAt = System.nanoTime();
      }
      if (letters >= maximumLetters) {
        if (!full) {
          full = true;
          LOG.warn("dead-letter directory {} holds {} letters, its limit; further rejected pushes are not kept "
              + "until files are removed", directory, letters);
        }
        return false;
      }
      full = false;
      letters++;
      return true;
    }
  }

  private void release() {
    synchronized (countLock) {
      letters--;
    }
  }

  /**
   * Writes the description then the body, each first under a temporary name, so no reader sees half a file;
   * returns the body's file name: {@code STEM.form} for a form (the older push), {@code STEM.json} otherwise.
   */
  private String write(DeadLetter letter) throws IOException {
    Properties description = new Properties();
    description.setProperty("status", Integer.toString(letter.status()));
    description.setProperty("reason", letter.reason());
    description.setProperty("receivedAt", letter.receivedAt().toString());
    if (letter.remoteAddress() != null) {
      description.setProperty("remoteAddress", letter.remoteAddress());
    }
    if (letter.contentType() != null) {
      description.setProperty("contentType", letter.contentType());
    }
    description.setProperty("bytes", Integer.toString(letter.body().length));
    description.setProperty("truncated", Boolean.toString(letter.truncated()));
    Path body = temporaryFile();
    Path about = temporaryFile();
    try {
      Files.write(body, letter.body());
      try (Writer out = Files.newBufferedWriter(about, StandardCharsets.UTF_8)) {
        description.store(out, "callpush dead letter; the body is the .json or .form file of the same name");
      }
      String stem = STAMP.format(letter.receivedAt()) + "-" + instance + "-"
          + String.format(Locale.ROOT, "%06d", sequence.incrementAndGet()) + "-" + letter.status();
      String bodyName = stem + (isForm(letter.contentType()) ? FORM_SUFFIX : JSON_SUFFIX);
      // the body last: whoever lists the bodies finds each one described
      Files.move(about, directory.resolve(stem + ".properties"), StandardCopyOption.ATOMIC_MOVE);
      Files.move(body, directory.resolve(bodyName), StandardCopyOption.ATOMIC_MOVE);
      return bodyName;
    } finally {
      Files.deleteIfExists(body);
      Files.deleteIfExists(about);
    }
  }

  private static boolean isForm(String contentType) {
    return contentType != null && contentType.regionMatches(true, 0, FORM, 0, FORM.length());
  }

  /** A new file in the directory, readable by its owner only where the file system has POSIX permissions. */
  private Path temporaryFile() throws IOException {
    return Files.createTempFile(directory, ".dead-letter-", ".tmp");
  }

  private long count() {
    long count = 0;
    try (DirectoryStream<Path> bodies = Files.newDirectoryStream(directory, "*.{json,form}")) {
      for (Path ignored : bodies) {
        count++;
      }
    } catch (IOException e) {
      LOG.warn("could not count the dead letters in {}: {}", directory, e.toString());
    }
    return count;
  }
}

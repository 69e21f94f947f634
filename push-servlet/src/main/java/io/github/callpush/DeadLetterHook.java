package io.github.callpush;

import java.nio.file.Path;

/**
 * Receives every rejected push (bad JSON, too large, failed verification, wrong method) with its raw
 * bytes. Called on the request thread before the answer is sent; what it throws is logged and ignored.
 */
@FunctionalInterface
public interface DeadLetterHook {

  /** Keeps or reports the rejected push. */
  void accept(DeadLetter letter);

  /**
   * A hook that keeps every rejected push as files in {@code directory} (created if missing): the body
   * byte for byte as {@code STEM.json}, which the fixtures' {@code send --dir} replays, and what the
   * receiver knew of it (status, reason, time, peer, content type) as {@code STEM.properties}. Stems sort
   * by arrival and end with the status, e.g. {@code 20261125T001500.123Z-3fa2c1-000042-400}; files are
   * readable by their owner only on POSIX file systems, as bodies hold phone numbers. At most
   * {@code maximumLetters} bodies stay in the directory: further letters are dropped, with one WARN,
   * until files are removed, so a flood of bad pushes cannot fill the disk.
   *
   * @throws IllegalArgumentException when the directory cannot be created or written to, or
   *     {@code maximumLetters} is not positive
   */
  static DeadLetterHook toDirectory(Path directory, int maximumLetters) {
    return new DeadLetterDirectory(directory, maximumLetters);
  }
}

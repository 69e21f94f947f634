package io.github.callpush.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The spec's samples, which the build copies onto the benchmarks' classpath (all but the malformed one). */
final class SpecSamples {

  private static final String DIRECTORY = "/samples/spec/";

  private SpecSamples() {}

  /** The bytes of one sample, e.g. {@code cdr.json}. */
  static byte[] read(String name) {
    try (InputStream in = SpecSamples.class.getResourceAsStream(DIRECTORY + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + name + " on the classpath under " + DIRECTORY);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.github.callpush.benchmarks;

import io.github.callpush.benchmarks.PhaseTimer.Medians;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/** What {@link StoreBenchmark} prints (a table on stdout) and appends to the results file (tab-separated lines). */
final class StoreReport {

  /** The least store/anchor ratio the goal accepts. */
  private static final double GOAL = 0.50;

  private StoreReport() {}

  /** The table of every target's medians against its anchor and floor, then the round trips of each. */
  static void print(List<Medians> results, StoreBenchmarkOptions options) {
    System.out.printf(Locale.ROOT,
        "claim+complete of a fresh event key (one listener) vs the raw server doing the same write once:%n"
            + "%d threads, medians of %d rounds x %.1f s after a %.1f s warm-up; "
            + "ratio: median of the rounds' ratios%n%n",
        options.threads(), options.rounds(), options.duration().toMillis() / 1000.0,
        options.warmup().toMillis() / 1000.0);
    String row = "%-46s %12s  %-22s %12s %6s  %s%n";
    System.out.printf(Locale.ROOT, row, "store", "ops/s", "anchor", "anchor ops/s", "ratio", "goal " + goal());
    for (Medians result : results) {
      System.out.printf(Locale.ROOT, row, result.target().figure, perSecond(result.store()),
          result.target().anchorName,
          perSecond(result.anchor()), ratioText(result),
          result.hasAnchor() ? (result.ratio() >= GOAL ? "met" : "MISSED") : "n/a (no server)");
      if (result.hasAnchor()) {
        System.out.printf(Locale.ROOT, row, "  floor: " + result.target().floorName, perSecond(result.floor()),
            result.target().anchorName, perSecond(result.anchor()), roundedDown(result.floorRatio()), "-");
      }
    }
    System.out.println();
    System.out.println("round trips per op, store vs anchor (the store does more than the anchor's one write):");
    for (Medians result : results) {
      System.out.printf(Locale.ROOT, "  %-30s %s%n", result.target().figure, result.target().roundTrips);
      if (!result.target().reference.isEmpty()) {
        System.out.printf(Locale.ROOT, "  %-30s external reference: %s%n", "", result.target().reference);
      }
    }
  }

  /** Appends one line per target and one per floor: section, figure, value, anchor, ratio, goal, command. */
  static void append(Path file, List<Medians> results, String command) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (Medians result : results) {
      StoreTarget target = result.target();
      lines.append(String.join("\t", "Dedup stores", target.figure, perSecond(result.store()) + " ops/s",
          result.hasAnchor() ? target.anchorName + " " + perSecond(result.anchor()) + " ops/s"
              + (target.reference.isEmpty() ? "" : " (" + target.reference + ")") : "-",
          ratioText(result), result.hasAnchor() ? goal() : "-", command));
      lines.append('\n');
      if (result.hasAnchor()) {
        lines.append(String.join("\t", "Dedup stores",
            target.figure.replace("claim+complete", "floor: " + target.floorName),
            perSecond(result.floor()) + " ops/s", target.anchorName + " " + perSecond(result.anchor()) + " ops/s",
            roundedDown(result.floorRatio()), "-", command));
        lines.append('\n');
      }
    }
    Files.writeString(file, lines, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  /** Operations per second with thousands separators; {@code -} for NaN. */
  static String perSecond(double value) {
    return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String ratioText(Medians result) {
    return result.hasAnchor() ? roundedDown(result.ratio()) : "-";
  }

  private static String goal() {
    return String.format(Locale.ROOT, ">= %.2f", GOAL);
  }

  /** Rounded down, so that a ratio shown as the goal meets it. */
  private static String roundedDown(double value) {
    return String.format(Locale.ROOT, "%.2f", Math.floor(value * 100) / 100);
  }
}

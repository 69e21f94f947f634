package io.github.callpush.apicheck;

import java.util.ArrayList;
import java.util.List;

/** A line diff in the unified format ({@code diff -u}): hunks of changed lines with three lines of context. */
public final class UnifiedDiff {

  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /** The diff from {@code from} to {@code to} under the given names; empty when the lines are equal. */
  public static String between(String fromName, List<String> from, String toName, List<String> to) {
    List<Line> lines = compare(from, to);
    StringBuilder hunks = new StringBuilder();
    int start = 0;
    while ((start = nextChange(lines, start)) < lines.size()) {
      int end = lastChange(lines, start);
      // a hunk goes on while the next change is close enough for the two contexts to meet
      for (int next = nextChange(lines, end + 1);
           next < lines.size() && next - end - 1 <= 2 * CONTEXT;
           next = nextChange(lines, end + 1)) {
        end = lastChange(lines, next);
      }
      int first = Math.max(0, start - CONTEXT);
      int last = Math.min(lines.size(), end + 1 + CONTEXT);
      hunk(lines.subList(first, last), hunks);
      start = last;
    }
    return hunks.isEmpty() ? "" : "--- " + fromName + "\n+++ " + toName + "\n" + hunks;
  }

  /** One line of the diff: kept ({@code ' '}), removed ({@code '-'}) or added ({@code '+'}), with its positions. */
  private record Line(char mark, String text, int fromIndex, int toIndex) {}

  private static void hunk(List<Line> lines, StringBuilder diff) {
    long fromCount = lines.stream().filter(line -> line.mark() != '+').count();
    long toCount = lines.stream().filter(line -> line.mark() != '-').count();
    Line first = lines.get(0);
    diff.append("@@ -").append(fromCount == 0 ? first.fromIndex() : first.fromIndex() + 1).append(',').append(fromCount)
        .append(" +").append(toCount == 0 ? first.toIndex() : first.toIndex() + 1).append(',').append(toCount)
        .append(" @@\n");
    lines.forEach(line -> diff.append(line.mark()).append(line.text()).append('\n'));
  }

  /** The first change at or after {@code index}; the number of lines when there is none. */
  private static int nextChange(List<Line> lines, int index) {
    while (index < lines.size() && lines.get(index).mark() == ' ') {
      index++;
    }
    return index;
  }

  /** The last change of the run of changes starting at {@code index}. */
  private static int lastChange(List<Line> lines, int index) {
    while (index + 1 < lines.size() && lines.get(index + 1).mark() != ' ') {
      index++;
    }
    return index;
  }

  /** Both line lists merged along their longest common subsequence. */
  private static List<Line> compare(List<String> from, List<String> to) {
    int prefix = 0;
    while (prefix < from.size() && prefix < to.size() && from.get(prefix).equals(to.get(prefix))) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < from.size() - prefix && suffix < to.size() - prefix
        && from.get(from.size() - 1 - suffix).equals(to.get(to.size() - 1 - suffix))) {
      suffix++;
    }
    int n = from.size() - prefix - suffix;
    int m = to.size() - prefix - suffix;
    // common[i][j]: the length of the longest common subsequence of the middle parts from i and from j on
    int[][] common = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] = from.get(prefix + i).equals(to.get(prefix + j))
            ? common[i + 1][j + 1] + 1
            : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Line> lines = new ArrayList<>();
    for (int k = 0; k < prefix; k++) {
      lines.add(new Line(' ', from.get(k), k, k));
    }
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      int fromIndex = prefix + i;
      int toIndex = prefix + j;
      if (i < n && j < m && from.get(fromIndex).equals(to.get(toIndex))) {
        lines.add(new Line(' ', from.get(fromIndex), fromIndex, toIndex));
        i++;
        j++;
      } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
        lines.add(new Line('-', from.get(fromIndex), fromIndex, toIndex));
        i++;
      } else {
        lines.add(new Line('+', to.get(toIndex), fromIndex, toIndex));
        j++;
      }
    }
    for (int k = 0; k < suffix; k++) {
      lines.add(new Line(' ', from.get(prefix + n + k), prefix + n + k, prefix + m + k));
    }
    return lines;
  }
}

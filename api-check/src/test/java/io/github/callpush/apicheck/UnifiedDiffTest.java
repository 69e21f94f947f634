package io.github.callpush.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  private static final List<String> TWENTY = IntStream.rangeClosed(1, 20).mapToObj(String::valueOf).toList();

  @Test
  void equalLinesHaveNoDiff() {
    assertThat(UnifiedDiff.between("a", TWENTY, "b", new ArrayList<>(TWENTY))).isEmpty();
  }

  @Test
  void nearbyChangesShareOneHunkWithThreeLinesOfContext() {
    List<String> changed = new ArrayList<>(TWENTY);
    changed.set(4, "five");
    changed.add(8, "8.5");

    assertThat(UnifiedDiff.between("old", TWENTY, "new", changed)).isEqualTo("""
        --- old
        +++ new
        @@ -2,10 +2,11 @@
         2
         3
         4
        -5
        +five
         6
         7
         8
        +8.5
         9
         10
         11
        """);
  }

  @Test
  void distantChangesGetHunksOfTheirOwn() {
    List<String> changed = new ArrayList<>(TWENTY);
    changed.remove(1);
    changed.set(16, "eighteen");

    assertThat(UnifiedDiff.between("old", TWENTY, "new", changed)).isEqualTo("""
        --- old
        +++ new
        @@ -1,5 +1,4 @@
         1
        -2
         3
         4
         5
        @@ -15,6 +14,6 @@
         15
         16
         17
        -18
        +eighteen
         19
         20
        """);
  }

  @Test
  void linesAddedToNothingStartAtLineZero() {
    assertThat(UnifiedDiff.between("old", List.of(), "new", List.of("a", "b"))).isEqualTo("""
        --- old
        +++ new
        @@ -0,0 +1,2 @@
        +a
        +b
        """);
  }
}

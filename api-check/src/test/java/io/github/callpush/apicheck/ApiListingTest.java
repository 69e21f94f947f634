package io.github.callpush.apicheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listings of small classes compiled here, as a module's classes are listed. */
class ApiListingTest {

  private static final Pattern TYPE_NAME =
      Pattern.compile("package ([\\w.]+);.*?(?:class|interface|record|enum) (\\w+)", Pattern.DOTALL);

  private static final String GREETER = """
      package lib;
      public class Greeter {
        public String greet(String name) { return "hello " + name; }
      }
      """;

  @TempDir
  Path directory;

  @Test
  void listsPublicAndProtectedTypesAndMembersInJavaNotation() throws IOException {
    String listing = listing("""
        package lib;
        public class Widget<T extends Comparable<? super T>> implements Comparable<Widget<T>> {
          public static final String NAME = "caf\\u00e9 \\"w\\"";
          public static final long LIMIT = 5L;
          public static final char SEPARATOR = ':';
          public static final boolean ENABLED = true;
          protected int size;
          int packagePrivateField;
          private int privateField;
          public Widget() {}
          protected Widget(T first) {}
          Widget(int packagePrivate) {}
          public int compareTo(Widget<T> other) { return 0; }
          public String get() { Runnable lambda = () -> {}; lambda.run(); return new Object() {}.toString(); }
          @SafeVarargs public static <E extends Comparable<? super E>> E max(E... values) { return values[0]; }
          public void close() throws java.io.IOException {}
          public <X extends Exception> void rethrow(X failure) throws X, java.io.IOException { throw failure; }
          void packagePrivateMethod() {}
          private void privateMethod() {}
          protected static class Part {}
          private static class Hidden { public void notApi() {} }
          public enum Size { SMALL, LARGE { @Override public String toString() { return "L"; } }, MEDIUM }
        }
        """, """
        package lib;
        public sealed interface Shape permits Circle, Square {
          double area();
          default String describe() { return "shape"; }
          static Shape unit() { return new Square(1); }
        }
        """, """
        package lib;
        public record Circle(double radius) implements Shape {
          public double area() { return Math.PI * radius * radius; }
        }
        """, """
        package lib;
        public record Square(double side) implements Shape {
          public double area() { return side * side; }
        }
        """, """
        package lib;
        public @interface Marker {
          Class<?> type() default Object.class;
          String[] tags() default {"a", "b"};
          Widget.Size size() default Widget.Size.SMALL;
          int count();
        }
        """, """
        package lib;
        class PackagePrivate { public void notApi() {} }
        """, """
        package lib.internal;
        public class Engine { public void notApi() {} }
        """);

    assertThat(listing).isEqualTo("""
        public record lib.Circle(double radius) implements lib.Shape {
          public Circle(double);
          public double area();
          public final boolean equals(java.lang.Object);
          public final int hashCode();
          public double radius();
          public final java.lang.String toString();
        }

        public @interface lib.Marker {
          public abstract int count();
          public abstract lib.Widget$Size size() default lib.Widget$Size.SMALL;
          public abstract java.lang.String[] tags() default {"a", "b"};
          public abstract java.lang.Class<?> type() default java.lang.Object.class;
        }

        public sealed interface lib.Shape permits lib.Circle, lib.Square {
          public abstract double area();
          public default java.lang.String describe();
          public static lib.Shape unit();
        }

        public record lib.Square(double side) implements lib.Shape {
          public Square(double);
          public double area();
          public final boolean equals(java.lang.Object);
          public final int hashCode();
          public double side();
          public final java.lang.String toString();
        }

        public class lib.Widget<T extends java.lang.Comparable<? super T>> implements java.lang.Comparable<lib.Widget<T>> {
          public static final boolean ENABLED = true;
          public static final long LIMIT = 5L;
          public static final java.lang.String NAME = "caf\\u00e9 \\"w\\"";
          public static final char SEPARATOR = ':';
          protected int size;
          protected Widget(T);
          public Widget();
          public void close() throws java.io.IOException;
          public int compareTo(lib.Widget<T>);
          public java.lang.String get();
          public static <E extends java.lang.Comparable<? super E>> E max(E...);
          public <X extends java.lang.Exception> void rethrow(X) throws X, java.io.IOException;
        }

        protected static class lib.Widget$Part {
          protected Part();
        }

        public enum lib.Widget$Size {
          public static final lib.Widget$Size SMALL;
          public static final lib.Widget$Size LARGE;
          public static final lib.Widget$Size MEDIUM;
          public static lib.Widget$Size valueOf(java.lang.String);
          public static lib.Widget$Size[] values();
        }
        """);
  }

  @Test
  void aPublicMethodAddedOrRemovedShowsInTheDiff() throws IOException {
    String before = listing(GREETER);
    String after = listing(GREETER.replace("}\n}", "}\n  public void wave() {}\n}"));

    assertThat(diff(before, after)).isEqualTo("""
        --- before
        +++ after
        @@ -1,4 +1,5 @@
         public class lib.Greeter {
           public Greeter();
           public java.lang.String greet(java.lang.String);
        +  public void wave();
         }
        """);
    assertThat(diff(after, before)).contains("\n-  public void wave();\n");
  }

  @Test
  void aChangedParameterTypeShowsInTheDiff() throws IOException {
    String before = listing(GREETER);
    String after = listing(GREETER.replace("greet(String name)", "greet(CharSequence name)"));

    assertThat(diff(before, after)).contains("""
        -  public java.lang.String greet(java.lang.String);
        +  public java.lang.String greet(java.lang.CharSequence);
        """);
  }

  @Test
  void changesOutsideThePublicApiLeaveTheListingAlone() throws IOException {
    String before = listing(GREETER);
    String changed = GREETER.replace("return \"hello \" + name;", "return salute() + name;")
        .replace("}\n}", "}\n  String salute() { return \"hi \"; }\n  private int calls;\n}");
    String after = listing(changed, """
        package lib;
        class Helper { public static void help() {} }
        """, """
        package lib.internal;
        public class Engine { public void run() {} }
        """);

    assertThat(after).isEqualTo(before).contains("public class lib.Greeter {");
  }

  private static String diff(String from, String to) {
    return UnifiedDiff.between("before", from.lines().toList(), "after", to.lines().toList());
  }

  /** Compiles the sources into a directory of its own and lists it. */
  private String listing(String... sources) throws IOException {
    Path root = Files.createTempDirectory(directory, "module");
    List<String> arguments = new ArrayList<>(List.of("-d", root.resolve("classes").toString()));
    for (String source : sources) {
      Matcher type = TYPE_NAME.matcher(source);
      assertThat(type.find()).as("package and type of %s", source).isTrue();
      Path file = root.resolve("src").resolve(type.group(1).replace('.', '/')).resolve(type.group(2) + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source);
      arguments.add(file.toString());
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)))
        .as("javac exit code").isZero();
    return ApiListing.of(root.resolve("classes"));
  }
}

package io.github.callpush;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the compiled classes of a directory or jar name: the UTF-8 entries of each class file's constant pool (every
 * class, method and field a class refers to, its descriptors and its string literals), and the text of the other
 * files. Read without a bytecode library, after the JVM specification's class file format (chapter 4.4).
 */
final class ClassFileStrings {

  private static final int MAGIC = 0xCAFEBABE;

  private ClassFileStrings() {}

  /**
   * Each file's name in {@code location} (a classes directory or a jar) and its strings that contain {@code word}; the
   * build's record of the POM ({@code META-INF/maven/}) aside.
   */
  static Map<String, List<String>> containing(Path location, String word) throws IOException {
    if (Files.isDirectory(location)) {
      return containingUnder(location, word);
    }
    try (FileSystem jar = FileSystems.newFileSystem(location)) {
      return containingUnder(jar.getPath("/"), word);
    }
  }

  /** The UTF-8 constants of one class file, in pool order. */
  static List<String> utf8Constants(byte[] classFile) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(classFile));
    if (in.readInt() != MAGIC) {
      throw new IOException("not a class file");
    }
    in.readUnsignedShort();
    in.readUnsignedShort();
    int count = in.readUnsignedShort();
    List<String> constants = new ArrayList<>();
    for (int index = 1; index < count; index++) {
      int tag = in.readUnsignedByte();
      switch (tag) {
        case 1 -> constants.add(in.readUTF());
        case 7, 8, 16, 19, 20 -> in.skipBytes(2);
        case 15 -> in.skipBytes(3);
        case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
        case 5, 6 -> {
          in.skipBytes(8);
          index++;
        }
        default -> throw new IOException("unknown constant pool tag " + tag + " at entry " + index);
      }
    }
    return constants;
  }

  private static Map<String, List<String>> containingUnder(Path root, String word) throws IOException {
    Map<String, List<String>> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String name = root.relativize(file).toString();
        if (name.startsWith("META-INF/maven/")) {
          continue;
        }
        List<String> strings = name.endsWith(".class") ? utf8Constants(Files.readAllBytes(file))
            : List.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        List<String> matching = strings.stream().filter(string -> string.contains(word)).toList();
        if (!matching.isEmpty()) {
          found.put(name, matching);
        }
      }
    }
    return found;
  }
}

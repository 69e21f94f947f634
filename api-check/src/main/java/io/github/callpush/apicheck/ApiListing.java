package io.github.callpush.apicheck;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Array;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.RecordComponentVisitor;
import org.objectweb.asm.Type;
import org.objectweb.asm.signature.SignatureReader;
import org.objectweb.asm.signature.SignatureVisitor;
import org.objectweb.asm.util.TraceSignatureVisitor;

/**
 * The public API of compiled classes as text: every public or protected class, interface, enum, record and
 * annotation outside packages named {@code internal} (a nested one only when its enclosing class is listed too),
 * with its public and protected members in Java notation with their generic types. Classes are sorted by binary
 * name; in each, enum constants come first in declaration order, then fields, constructors and methods, each sorted
 * by name. Compiler-made members (bridges, lambdas) are left out.
 */
public final class ApiListing {

  private static final int VISIBLE = Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED;

  private ApiListing() {}

  /** The listing of the classes in a jar or in a directory of class files. */
  public static String of(Path jarOrDirectory) throws IOException {
    Map<String, ListedClass> classes = new TreeMap<>();
    if (Files.isDirectory(jarOrDirectory)) {
      read(jarOrDirectory, classes);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(jarOrDirectory)) {
        read(jar.getPath("/"), classes);
      }
    }
    return classes.values().stream()
        .filter(listed -> listed.isApi(classes))
        .map(ListedClass::text)
        .collect(Collectors.joining("\n"));
  }

  private static void read(Path root, Map<String, ListedClass> classes) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(file -> file.toString().endsWith(".class") && !file.startsWith(root.resolve("META-INF")))
          .toList();
    }
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        ListedClass listed = new ListedClass();
        new ClassReader(in).accept(listed, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        classes.put(listed.name, listed);
      }
    }
  }

  /** One class as read: its declaration and its listed members. */
  private static final class ListedClass extends ClassVisitor {
    private String name;
    private int access;
    private String signature;
    private String superName;
    private String[] interfaces;
    /** The flags of the class as its enclosing class declares it (protected, static), or -1 for a top-level one. */
    private int memberAccess = -1;
    private String enclosingClass;
    private final List<String> permitted = new ArrayList<>();
    private final List<String> components = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private int enumConstants;

    ListedClass() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] interfaces) {
      this.name = name;
      this.access = access;
      this.signature = signature;
      this.superName = superName;
      this.interfaces = interfaces;
    }

    @Override
    public void visitPermittedSubclass(String permittedSubclass) {
      permitted.add(javaName(permittedSubclass));
    }

    @Override
    public void visitInnerClass(String name, String outerName, String innerName, int access) {
      if (name.equals(this.name)) {
        memberAccess = access;
        enclosingClass = outerName == null ? "" : outerName; // "": a local or anonymous class
      }
    }

    @Override
    public RecordComponentVisitor visitRecordComponent(String name, String descriptor, String signature) {
      components.add(type(signature, descriptor) + " " + name);
      return null;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
      if (listed(access)) {
        String field = modifiers(access & (VISIBLE | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL))
            + type(signature, descriptor) + " " + name + (value == null ? "" : " = " + constant(value, descriptor));
        boolean enumConstant = (access & Opcodes.ACC_ENUM) != 0;
        members.add(new Member(enumConstant ? 0 : 1, enumConstant ? enumConstants++ : 0, name, field));
      }
      return null;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      if (!listed(access) || name.equals("<clinit>")) {
        return null;
      }
      String method = method(access, name, descriptor, signature, exceptions);
      return new MethodVisitor(Opcodes.ASM9) {
        private final StringBuilder defaultValue = new StringBuilder();

        @Override
        public AnnotationVisitor visitAnnotationDefault() {
          defaultValue.append(" default ");
          return new AnnotationValue(defaultValue);
        }

        @Override
        public void visitEnd() {
          members.add(new Member(name.equals("<init>") ? 2 : 3, 0, name, method + defaultValue));
        }
      };
    }

    private String method(int access, String name, String descriptor, String signature, String[] exceptions) {
      TraceSignatureVisitor parts = new TraceSignatureVisitor(access);
      new SignatureReader(signature != null ? signature : descriptor).accept(parts);
      String declaration = parts.getDeclaration(); // <T extends X>(T, java.lang.String[])
      int parameters = declaration.indexOf('(');
      String typeParameters = declaration.substring(0, parameters);
      String parameterList = (access & Opcodes.ACC_VARARGS) == 0 ? declaration.substring(parameters)
          : declaration.substring(parameters, declaration.length() - "[])".length()) + "...)";
      boolean isDefault = (this.access & Opcodes.ACC_INTERFACE) != 0
          && (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_STATIC)) == 0;
      String thrown = parts.getExceptions() != null ? " throws " + parts.getExceptions()
          : exceptions == null ? ""
          : Arrays.stream(exceptions).map(ApiListing::javaName).collect(Collectors.joining(", ", " throws ", ""));
      return modifiers(access & (VISIBLE | Opcodes.ACC_STATIC | Opcodes.ACC_ABSTRACT | Opcodes.ACC_FINAL))
          + (isDefault ? "default " : "")
          + (typeParameters.isEmpty() ? "" : typeParameters + " ")
          + (name.equals("<init>") ? simpleName(this.name) : parts.getReturnType() + " " + name)
          + parameterList + thrown;
    }

    /** Listed when it and every class enclosing it are public or protected, outside {@code internal} packages. */
    boolean isApi(Map<String, ListedClass> classes) {
      String packageName = name.substring(0, Math.max(0, name.lastIndexOf('/')));
      if ((visibility() & VISIBLE) == 0 || Arrays.asList(packageName.split("/")).contains("internal")) {
        return false;
      }
      if (memberAccess == -1) {
        return true;
      }
      ListedClass enclosing = classes.get(enclosingClass);
      return enclosing != null && enclosing.isApi(classes);
    }

    private int visibility() {
      return memberAccess == -1 ? access : memberAccess;
    }

    String text() {
      StringBuilder text = new StringBuilder(declaration()).append(" {\n");
      members.stream().sorted(Member.ORDER).forEach(member -> text.append("  ").append(member.text()).append(";\n"));
      return text.append("}\n").toString();
    }

    private String declaration() {
      String kind = kind();
      ClassSignature supertypes = new ClassSignature();
      new SignatureReader(signature != null ? signature : classSignature()).accept(supertypes);
      int shown = visibility() & VISIBLE;
      if (kind.equals("class")) {
        shown |= (visibility() & Opcodes.ACC_STATIC) | (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_FINAL));
      }
      // an enum whose constants have bodies permits their anonymous classes: no API
      boolean sealed = !permitted.isEmpty() && !kind.equals("enum");
      StringBuilder declaration = new StringBuilder(modifiers(shown))
          .append(sealed ? "sealed " : "")
          .append(kind).append(' ').append(javaName(name)).append(supertypes.typeParameters());
      if (kind.equals("record")) {
        declaration.append(components.stream().collect(Collectors.joining(", ", "(", ")")));
      }
      if (kind.equals("class") && !supertypes.superclass().isEmpty()) {
        declaration.append(" extends ").append(supertypes.superclass());
      }
      List<String> implemented = supertypes.interfaces().stream()
          .filter(type -> !kind.equals("@interface") || !type.equals("java.lang.annotation.Annotation"))
          .toList();
      if (!implemented.isEmpty()) {
        declaration.append(kind.endsWith("interface") ? " extends " : " implements ")
            .append(String.join(", ", implemented));
      }
      if (sealed) {
        declaration.append(" permits ").append(permitted.stream().sorted().collect(Collectors.joining(", ")));
      }
      return declaration.toString();
    }

    /** The Java keyword; records and enums extend their implicit superclass, annotations their interface. */
    private String kind() {
      if ((access & Opcodes.ACC_ANNOTATION) != 0) {
        return "@interface";
      } else if ((access & Opcodes.ACC_INTERFACE) != 0) {
        return "interface";
      } else if ((access & Opcodes.ACC_ENUM) != 0) {
        return "enum";
      } else if ((access & Opcodes.ACC_RECORD) != 0) {
        return "record";
      }
      return "class";
    }

    /** The signature of a class that has none in its class file: its superclass and interfaces, not generic. */
    private String classSignature() {
      StringBuilder signature = new StringBuilder("L").append(superName).append(';');
      for (String implemented : interfaces) {
        signature.append('L').append(implemented).append(';');
      }
      return signature.toString();
    }
  }

  /** A listed member; its group orders enum constants, fields, constructors, methods, its position enum constants. */
  private record Member(int group, int position, String name, String text) {
    static final Comparator<Member> ORDER = Comparator.comparingInt(Member::group).thenComparingInt(Member::position)
        .thenComparing(Member::name).thenComparing(Member::text);
  }

  /** A class signature's type parameters, superclass (empty for {@code Object}) and interfaces in Java notation. */
  private static final class ClassSignature extends SignatureVisitor {
    private final TraceSignatureVisitor typeParameters = new TraceSignatureVisitor(0);
    private boolean generic;
    private final TraceSignatureVisitor superclass = new TraceSignatureVisitor(0);
    private final List<TraceSignatureVisitor> interfaces = new ArrayList<>();

    ClassSignature() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visitFormalTypeParameter(String name) {
      generic = true;
      typeParameters.visitFormalTypeParameter(name);
    }

    @Override
    public SignatureVisitor visitClassBound() {
      return typeParameters.visitClassBound();
    }

    @Override
    public SignatureVisitor visitInterfaceBound() {
      return typeParameters.visitInterfaceBound();
    }

    @Override
    public SignatureVisitor visitSuperclass() {
      return superclass;
    }

    @Override
    public SignatureVisitor visitInterface() {
      TraceSignatureVisitor type = new TraceSignatureVisitor(0);
      interfaces.add(type);
      return type;
    }

    String typeParameters() {
      return generic ? typeParameters.getDeclaration() + ">" : "";
    }

    String superclass() {
      return superclass.getDeclaration();
    }

    List<String> interfaces() {
      return interfaces.stream().map(TraceSignatureVisitor::getDeclaration).toList();
    }
  }

  /** Writes an annotation element's value as Java source does. */
  private static final class AnnotationValue extends AnnotationVisitor {
    private final StringBuilder out;
    private final String close;
    private boolean first = true;

    AnnotationValue(StringBuilder out) {
      this(out, "");
    }

    private AnnotationValue(StringBuilder out, String close) {
      super(Opcodes.ASM9);
      this.out = out;
      this.close = close;
    }

    @Override
    public void visit(String name, Object value) {
      element(name).append(annotationConstant(value));
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
      element(name).append(Type.getType(descriptor).getClassName()).append('.').append(value);
    }

    @Override
    public AnnotationVisitor visitAnnotation(String name, String descriptor) {
      element(name).append('@').append(Type.getType(descriptor).getClassName()).append('(');
      return new AnnotationValue(out, ")");
    }

    @Override
    public AnnotationVisitor visitArray(String name) {
      element(name).append('{');
      return new AnnotationValue(out, "}");
    }

    @Override
    public void visitEnd() {
      out.append(close);
    }

    private StringBuilder element(String name) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      return name == null ? out : out.append(name).append(" = ");
    }
  }

  private static String annotationConstant(Object value) {
    if (value instanceof Type type) {
      return type.getClassName() + ".class";
    } else if (value instanceof String string) {
      return quote(string, '"');
    } else if (value instanceof Character character) {
      return quote(character.toString(), '\'');
    } else if (value.getClass().isArray()) {
      List<String> elements = new ArrayList<>();
      for (int i = 0; i < Array.getLength(value); i++) {
        elements.add(annotationConstant(Array.get(value, i)));
      }
      return elements.stream().collect(Collectors.joining(", ", "{", "}"));
    }
    return value.toString();
  }

  /** A constant field's value; booleans and chars are ints in the class file. */
  private static String constant(Object value, String descriptor) {
    return switch (descriptor) {
      case "Z" -> (Integer) value != 0 ? "true" : "false";
      case "C" -> quote(String.valueOf((char) (int) (Integer) value), '\'');
      case "J" -> value + "L";
      case "F" -> value + "f";
      case "Ljava/lang/String;" -> quote((String) value, '"');
      default -> value.toString();
    };
  }

  /** A Java literal, non-printable and non-ASCII characters as escapes, so that listings stay ASCII. */
  private static String quote(String text, char quote) {
    StringBuilder literal = new StringBuilder().append(quote);
    for (char c : text.toCharArray()) {
      if (c == quote || c == '\\') {
        literal.append('\\').append(c);
      } else if (c < ' ' || c > '~') {
        literal.append(String.format("\\u%04x", (int) c));
      } else {
        literal.append(c);
      }
    }
    return literal.append(quote).toString();
  }

  private static boolean listed(int access) {
    return (access & VISIBLE) != 0 && (access & Opcodes.ACC_SYNTHETIC) == 0;
  }

  private static String type(String signature, String descriptor) {
    TraceSignatureVisitor type = new TraceSignatureVisitor(0);
    new SignatureReader(signature != null ? signature : descriptor).acceptType(type);
    return type.getDeclaration();
  }

  private static String modifiers(int access) {
    StringBuilder modifiers = new StringBuilder();
    if ((access & Opcodes.ACC_PUBLIC) != 0) {
      modifiers.append("public ");
    }
    if ((access & Opcodes.ACC_PROTECTED) != 0) {
      modifiers.append("protected ");
    }
    if ((access & Opcodes.ACC_STATIC) != 0) {
      modifiers.append("static ");
    }
    if ((access & Opcodes.ACC_ABSTRACT) != 0) {
      modifiers.append("abstract ");
    }
    if ((access & Opcodes.ACC_FINAL) != 0) {
      modifiers.append("final ");
    }
    return modifiers.toString();
  }

  private static String javaName(String internalName) {
    return internalName.replace('/', '.');
  }

  private static String simpleName(String internalName) {
    return internalName.substring(Math.max(internalName.lastIndexOf('/'), internalName.lastIndexOf('$')) + 1);
  }
}

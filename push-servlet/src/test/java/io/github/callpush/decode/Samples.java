package io.github.callpush.decode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.callpush.event.PushEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/**
 * The sample pushes on the test classpath ({@code /samples/spec/...}, {@code /samples/valid/...}) and
 * variants of them with one field changed. JSON is read here with a plain {@link ObjectMapper}, never
 * with the decoder under test.
 */
final class Samples {

  /** A plain mapper with Jackson's defaults, independent of the decoder's configuration. */
  static final ObjectMapper PLAIN = new ObjectMapper();

  private Samples() {}

  /** The bytes of a sample, e.g. {@code valid/cdr.json}. */
  static byte[] bytes(String path) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no sample " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a sample. */
  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** The file names in a sample folder ({@code spec} or {@code valid}), sorted. */
  static List<String> names(String folder) {
    URL url = Samples.class.getResource("/samples/" + folder);
    if (url == null) {
      throw new IllegalArgumentException("no sample folder " + folder);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(file -> file.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every JSON sample, {@code valid/...} then {@code spec/...} (the malformed one included): a parameter source. */
  static Stream<String> jsonSamples() {
    return Stream.concat(names("valid").stream().map(name -> "valid/" + name),
        names("spec").stream().map(name -> "spec/" + name));
  }

  /** A sample parsed by the plain mapper. */
  static ObjectNode tree(String path) {
    return (ObjectNode) parse(bytes(path));
  }

  /** JSON text parsed by the plain mapper. */
  static JsonNode parse(String json) {
    return parse(json.getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode parse(byte[] json) {
    try {
      return PLAIN.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A sample with fields set to JSON literals, given as name-value pairs, e.g.
   * {@code with("valid/cdr.json", "sipCode", "\"200\"")}.
   */
  static byte[] with(String path, String... fieldsAndJsonValues) {
    ObjectNode tree = tree(path);
    return utf8(splice(tree, tree, fieldsAndJsonValues));
  }

  /**
   * {@code root} as JSON text with fields of {@code object} (root or an object inside it) set to JSON literals,
   * given as name-value pairs; {@code root} is left as it was. The literals are spliced in as text: a tree
   * would rewrite some of them ({@code 1e400} becomes {@code "Infinity"}).
   */
  static String splice(JsonNode root, ObjectNode object, String... fieldsAndJsonValues) {
    Map<String, JsonNode> previous = new LinkedHashMap<>();
    for (int i = 0; i < fieldsAndJsonValues.length; i += 2) {
      previous.putIfAbsent(fieldsAndJsonValues[i], object.get(fieldsAndJsonValues[i]));
      object.put(fieldsAndJsonValues[i], placeholder(i));
    }
    String json = new String(utf8(root), StandardCharsets.UTF_8);
    previous.forEach((field, value) -> {
      if (value == null) {
        object.remove(field);
      } else {
        object.set(field, value);
      }
    });
    for (int i = 0; i < fieldsAndJsonValues.length; i += 2) {
      json = json.replace('"' + placeholder(i) + '"', fieldsAndJsonValues[i + 1]);
    }
    return json;
  }

  private static String placeholder(int index) {
    return "@@value-" + index + "@@";
  }

  /** {@link #with} decoded by the default decoder. */
  static PushEvent decodeWith(String path, String... fieldsAndJsonValues) {
    return PushDecoder.defaults().decode(with(path, fieldsAndJsonValues));
  }

  /** {@link #with} decoded by the default decoder, which must give a {@code type}. */
  static <T extends PushEvent> T decodeWith(Class<T> type, String path, String... fieldsAndJsonValues) {
    PushEvent event = decodeWith(path, fieldsAndJsonValues);
    if (!type.isInstance(event)) {
      throw new AssertionError("expected a " + type.getSimpleName() + " but decoded " + event);
    }
    return type.cast(event);
  }

  /** The exception {@code decode} must throw. */
  static PushDecodingException failure(ThrowingCallable decode) {
    Throwable thrown = Assertions.catchThrowable(decode);
    Assertions.assertThat(thrown).isInstanceOf(PushDecodingException.class);
    return (PushDecodingException) thrown;
  }

  /** A tree as UTF-8 JSON. */
  static byte[] utf8(JsonNode tree) {
    try {
      return PLAIN.writeValueAsBytes(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text as UTF-8 bytes. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}

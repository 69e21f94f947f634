package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.Charset;
import java.util.function.Supplier;

/**
 * The differential check of the streamed tree: {@link JsonSource#parse(byte[], Charset)} must give what
 * Jackson's {@code readTree} gives ({@link JsonSource#readTree}), the same tree, node classes included, or
 * the same failure, on any bytes.
 */
final class TreeReference {

  private TreeReference() {}

  /**
   * Parses {@code body} both ways and fails unless they agree: equal trees (Jackson's value nodes are equal
   * only to nodes of their own class) with equal JSON, or the same failure. With {@code fieldByField}, the
   * trees must also agree in every field of every node, as the spec examples' tests compare events.
   */
  static void assertParsesAsReadTree(JsonSource json, byte[] body, Charset charset, boolean fieldByField,
      String where) {
    Object streamed = outcome(() -> json.parse(body, charset));
    Object tree = outcome(() -> json.readTree(body, charset));
    if (streamed instanceof JsonNode streamedTree && tree instanceof JsonNode readTree) {
      assertThat(streamedTree).as("%s: streamed tree vs readTree", where).isEqualTo(readTree);
      assertThat(streamedTree.toString()).as("%s: as JSON", where).isEqualTo(readTree.toString());
      if (fieldByField) {
        assertThat(streamedTree).as("%s: field by field", where).usingRecursiveComparison().isEqualTo(readTree);
      }
    } else {
      assertThat(streamed).as("%s: streamed vs readTree", where).isEqualTo(tree);
    }
  }

  /** What {@code parse} gives, or the failure as its type, reason, position and message. */
  static Object outcome(Supplier<?> parse) {
    try {
      return parse.get();
    } catch (PushDecodingException failure) {
      // how far Jackson had read into an over-long value depends on the size of the buffer its pool lent
      // that parser, not on the body: the limit, the reason and the position must agree, that count need not
      return "PushDecodingException " + failure.reason() + " at " + failure.line() + ":" + failure.column() + ": "
          + failure.getMessage().replaceFirst("length \\(\\d+\\) exceeds", "length (N) exceeds");
    } catch (RuntimeException | StackOverflowError failure) {
      return failure.getClass().getName() + ": " + failure.getMessage();
    }
  }
}

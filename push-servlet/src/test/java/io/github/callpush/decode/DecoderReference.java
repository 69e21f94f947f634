package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The differential check of the one-pass decode: a JSON body must decode to the event the tree-based decoder
 * makes of Jackson's {@code readTree} (its members read from the tree, {@link Members#of}), or fail with the
 * same reason, position and message. And where {@link Utf8Scanner} decides a body, it must keep the members
 * Jackson's tokens give ({@link JsonSource#scanTokens}).
 */
final class DecoderReference {

  private static final Instant RECEIVED_AT = Instant.parse("2021-05-08T06:40:00Z");

  private final JsonSource json;
  private final EventReader reader;
  private final Utf8Scanner utf8;

  DecoderReference(ZoneId zone, int maxNestingDepth, int maxStringLength, int maxNumberLength) {
    LocalTimes times = new LocalTimes(zone);
    this.json = new JsonSource(times, maxNestingDepth, maxStringLength, maxNumberLength);
    this.reader = new EventReader(json);
    this.utf8 = new Utf8Scanner(json, Samples.PLAIN.getNodeFactory(), times, maxNestingDepth, maxStringLength,
        maxNumberLength);
  }

  /**
   * Decodes {@code body} (in {@code charset}, null for none declared) both ways and fails unless they agree;
   * true when the body is UTF-8 and {@link Utf8Scanner} decided it.
   */
  boolean assertDecodesAsTree(byte[] body, Charset charset, String where) {
    Object scanned = TreeReference.outcome(() -> {
      JsonSource.ScannedBody read = json.scan(body, charset);
      return reader.read(read.members(), read.raw(), RECEIVED_AT);
    });
    Object tree = TreeReference.outcome(() -> {
      JsonNode root = json.readTree(body, charset);
      if (!(root instanceof ObjectNode object)) {
        throw PushDecodingException.notAnObject(root.getNodeType());
      }
      return reader.read(Members.of(object, json), object, RECEIVED_AT);
    });
    assertThat(scanned).as("%s: one pass vs the tree", where).isEqualTo(tree);
    assertThat(String.valueOf(scanned)).as("%s: as text", where).isEqualTo(String.valueOf(tree));
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      return false;
    }
    int offset = body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF
        ? 3 : 0;
    ScannedMembers decided = utf8.scan(body, offset);
    if (decided == null) {
      return false;
    }
    ScannedMembers tokens = json.scanTokens(body, offset);
    assertThat(tokens).as("%s: Jackson's tokens accept what the UTF-8 scanner decided", where).isNotNull();
    ObjectNode raw = (ObjectNode) json.readTree(body, null);
    assertThat(reader.read(decided, raw, RECEIVED_AT)).as("%s: UTF-8 scanner vs Jackson's tokens", where)
        .isEqualTo(reader.read(tokens, raw, RECEIVED_AT));
    return true;
  }
}

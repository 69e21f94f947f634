package io.github.callpush.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads JSON bodies under explicit limits: the members a push's readers ask for in one pass ({@link #scan}: off
 * the bytes by {@link Utf8Scanner} when it can decide, else off Jackson's tokens), and trees ({@link #parse},
 * {@link #readTree}) for {@code raw()} and for Jackson's exact refusal of a malformed body, which every failure
 * becomes as a {@link PushDecodingException}.
 */
final class JsonSource {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  /** The samples' bytes per top-level member (27 to 41): the root's map is sized for the body, not rehashed as it fills. */
  private static final int BYTES_PER_MEMBER = 34;
  private static final int MOST_MEMBERS_EXPECTED = 512;

  private final ObjectMapper mapper;
  /** Reads one value in the middle of a stream, exactly as {@link #mapper} builds trees. */
  private final ObjectReader subtrees;
  private final JsonNodeFactory nodes;
  private final int maxStringLength;
  private final Utf8Scanner utf8;

  private final LocalTimes times;

  /** A source whose scans read the times of {@code times}' zone as they go. */
  JsonSource(LocalTimes times, int maxNestingDepth, int maxStringLength, int maxNumberLength) {
    this.times = times;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(maxNestingDepth)
        .maxStringLength(maxStringLength)
        .maxNumberLength(maxNumberLength)
        .build();
    // Jackson's default recycler pool keeps buffers in a ThreadLocal of every thread that parsed: in a
    // servlet container those are the container's request threads, which then pin the webapp's class loader
    // after an undeploy. A pool of this factory's own goes away with the webapp.
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints)
        .recyclerPool(JsonRecyclerPools.newConcurrentDequePool()).build();
    this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    this.subtrees = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    this.nodes = mapper.getNodeFactory();
    this.maxStringLength = maxStringLength;
    this.utf8 = new Utf8Scanner(this, nodes, times, maxNestingDepth, maxStringLength, maxNumberLength);
  }

  /** The zone's times, as the scans read them. */
  LocalTimes times() {
    return times;
  }

  /**
   * The members of a JSON body whose root is an object, read in one pass over its tokens that checks the whole
   * document, and the body's tree, which is parsed only when first read.
   *
   * @throws PushDecodingException exactly as {@link #readTree} refuses the body, or {@link
   *     PushDecodingException#notAnObject} for a body that is JSON but not an object
   */
  ScannedBody scan(byte[] body, Charset charset) {
    if (charset != null && !charset.equals(StandardCharsets.UTF_8)) {
      return scan(text(body, charset));
    }
    int offset = startsWithBom(body) ? UTF8_BOM.length : 0;
    ScannedMembers members = utf8.scan(body, offset);
    if (members == null) {
      members = scanTokens(body, offset);
    }
    if (members == null) {
      throw notScanned(readTree(body, charset));
    }
    return new ScannedBody(members, DeferredTree.of(this, () -> (ObjectNode) parse(body, charset)));
  }

  /** The members of a UTF-8 body from {@code offset} as Jackson's tokens give them; null when Jackson refuses it. */
  ScannedMembers scanTokens(byte[] body, int offset) {
    return scan(() -> mapper.createParser(body, offset, body.length - offset), body.length);
  }

  /** {@link #scan(byte[], Charset)} for a body already read as text. */
  ScannedBody scan(String body) {
    String text = withoutBom(body);
    ScannedMembers members = scan(() -> mapper.createParser(text), text.length());
    if (members == null) {
      throw notScanned(parse(body));
    }
    return new ScannedBody(members, DeferredTree.of(this, () -> (ObjectNode) parse(body)));
  }

  /** The members of a string field that holds a JSON object (e.g. a wrapper's {@code content}); null when it holds none. */
  ScannedMembers scanEmbedded(String text) {
    return text.isEmpty() || text.charAt(0) != '{' ? null : scan(() -> mapper.createParser(text), text.length());
  }

  /** An object node over {@code members}, made by this source's node factory. */
  ObjectNode objectNode(Map<String, JsonNode> members) {
    return new ObjectNode(nodes, members);
  }

  /** A body's members off its tokens, and its tree when asked for. */
  record ScannedBody(ScannedMembers members, ObjectNode raw) {}

  /** Opens a parser over one body. */
  private interface Tokens {
    JsonParser open() throws IOException;
  }

  /** The members of a document whose root is an object; null for any other, malformed or over a limit included. */
  private ScannedMembers scan(Tokens tokens, int length) {
    // a string only decoded is not held to maxStringLength: one as long as the body could exceed it, so it is read
    boolean readSkippedStrings = length > maxStringLength;
    try (JsonParser parser = tokens.open()) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      ScannedMembers root = members(parser, true, readSkippedStrings);
      return parser.nextToken() == null ? root : null;
    } catch (IOException malformedOrOverALimit) {
      return null;
    }
  }

  /** The kept members of the object whose start the parser is at; the root's {@code content} object read as its own. */
  private ScannedMembers members(JsonParser parser, boolean root, boolean readSkippedStrings) throws IOException {
    ScannedMembers members = new ScannedMembers(this);
    for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
      JsonToken token = parser.nextToken();
      int index = ScannedMembers.indexOf(name);
      if (index < 0) {
        skip(parser, token, readSkippedStrings);
      } else if (root && index == ScannedMembers.CONTENT && token == JsonToken.START_OBJECT) {
        members.put(index, members(parser, false, readSkippedStrings));
      } else if (token == JsonToken.VALUE_STRING) {
        members.put(index, parser.getText());
      } else {
        members.put(index, token == JsonToken.START_ARRAY ? array(parser) : value(parser, token));
      }
    }
    return members;
  }

  /**
   * Skips the value at {@code token}, every string of it decoded as the tree would decode it: Jackson's own
   * skipping checks less (an encoded surrogate passes) and never holds a string to the length limit.
   */
  private static void skip(JsonParser parser, JsonToken token, boolean readStrings) throws IOException {
    int depth = 0;
    for (JsonToken at = token; at != null; at = depth > 0 ? parser.nextToken() : null) {
      if (at == JsonToken.VALUE_STRING) {
        if (readStrings) {
          parser.getText();
        } else {
          parser.getTextLength();
        }
      } else if (at.isStructStart()) {
        depth++;
      } else if (at.isStructEnd()) {
        depth--;
      }
    }
  }

  private static PushDecodingException notScanned(JsonNode tree) {
    if (tree instanceof ObjectNode) {
      throw new IllegalStateException("Jackson reads as an object a body whose tokens were refused");
    }
    return PushDecodingException.notAnObject(tree.getNodeType());
  }

  /** The tree of a body: a well-formed object in UTF-8 (or UTF-16/32) streamed, anything else as {@link #readTree}. */
  JsonNode parse(byte[] body, Charset charset) {
    if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
      ObjectNode object = streamObject(body);
      if (object != null) {
        return object;
      }
    }
    return readTree(body, charset);
  }

  /** The tree of a body as Jackson's {@code readTree} builds it, or the exception that says why there is none. */
  JsonNode readTree(byte[] body, Charset charset) {
    try {
      if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
        int offset = startsWithBom(body) ? UTF8_BOM.length : 0;
        return checked(mapper.readTree(body, offset, body.length - offset));
      }
      return parse(text(body, charset));
    } catch (StreamConstraintsException tooMuch) {
      throw limitExceeded(tooMuch);
    } catch (JsonProcessingException malformed) {
      throw PushDecodingException.malformed(malformed);
    } catch (CharConversionException badEncoding) {
      throw PushDecodingException.badEncoding(badEncoding);
    } catch (IOException unexpected) {
      throw new UncheckedIOException("reading an in-memory body", unexpected);
    }
  }

  /** A body in another charset than UTF-8 as text; strict: one not in its charset is refused, not decoded into replacement characters. */
  private static String text(byte[] body, Charset charset) {
    try {
      return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException notInCharset) {
      throw PushDecodingException.notInCharset(charset.name(), notInCharset);
    }
  }

  private static String withoutBom(String body) {
    return !body.isEmpty() && body.charAt(0) == '\uFEFF' ? body.substring(1) : body;
  }

  JsonNode parse(String body) {
    try {
      return checked(mapper.readTree(withoutBom(body)));
    } catch (StreamConstraintsException tooMuch) {
      throw limitExceeded(tooMuch);
    } catch (JsonProcessingException malformed) {
      throw PushDecodingException.malformed(malformed);
    }
  }

  /**
   * The tree of a body whose root is an object, built off the token stream into a root sized for the
   * body, without the deserializer's set-up per body: equal to {@link #readTree}'s, node classes and
   * factory included. Null for any other body, malformed included: {@link #readTree} then answers exactly.
   */
  private ObjectNode streamObject(byte[] body) {
    int offset = startsWithBom(body) ? UTF8_BOM.length : 0;
    try (JsonParser parser = mapper.createParser(body, offset, body.length - offset)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      int members = Math.min(body.length / BYTES_PER_MEMBER, MOST_MEMBERS_EXPECTED);
      ObjectNode root = new ObjectNode(nodes, new LinkedHashMap<>(members * 4 / 3 + 1));
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        JsonToken token = parser.nextToken();
        root.replace(name, token == JsonToken.START_ARRAY ? array(parser) : value(parser, token));
      }
      return parser.nextToken() == null ? root : null;
    } catch (IOException malformedOrOverALimit) {
      return null;
    }
  }

  /** A top-level array (a call record's lists); containers in it are read as {@link #value} reads them. */
  private ArrayNode array(JsonParser parser) throws IOException {
    ArrayNode array = nodes.arrayNode();
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      array.add(value(parser, token));
    }
    return array;
  }

  /**
   * The value at {@code token}: strings, integers, booleans and null made as the tree deserializer makes
   * them; anything else (floats, objects, nested arrays) read by that deserializer itself.
   */
  private JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case VALUE_STRING:
        return nodes.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return nodes.numberNode(parser.getIntValue());
          case LONG:
            return nodes.numberNode(parser.getLongValue());
          default:
            return nodes.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_TRUE:
      case VALUE_FALSE:
        return nodes.booleanNode(token == JsonToken.VALUE_TRUE);
      case VALUE_NULL:
        return nodes.nullNode();
      default:
        return subtrees.readTree(parser);
    }
  }

  /** Parses a string field that holds JSON (e.g. {@code extras}); null when it is not a JSON object. */
  JsonNode parseEmbeddedObject(String text) {
    if (text.isEmpty() || text.charAt(0) != '{') {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(text);
      return node.isObject() ? node : null;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private static JsonNode checked(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      throw PushDecodingException.emptyBody();
    }
    return node;
  }

  private static PushDecodingException limitExceeded(StreamConstraintsException cause) {
    String message = String.valueOf(cause.getOriginalMessage());
    PushDecodingException.Reason reason = message.contains("nesting depth")
        ? PushDecodingException.Reason.TOO_DEEP
        : PushDecodingException.Reason.TOO_LARGE;
    return PushDecodingException.limitExceeded(reason, cause);
  }

  private static boolean startsWithBom(byte[] body) {
    return body.length >= UTF8_BOM.length
        && body[0] == UTF8_BOM[0] && body[1] == UTF8_BOM[1] && body[2] == UTF8_BOM[2];
  }
}

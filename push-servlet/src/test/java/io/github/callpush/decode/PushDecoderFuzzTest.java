package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.callpush.event.PushEvent;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Mutates the valid samples many thousand times and checks that the decoder either decodes them, with a
 * header and the raw body, or throws {@link PushDecodingException}; never anything else (no NPE,
 * NumberFormatException, ArithmeticException, DateTimeException, StackOverflowError, OutOfMemoryError), and
 * that the tree streamed off each body is the one Jackson's {@code readTree} makes ({@link TreeReference}).
 *
 * <p>Runs with a fixed seed; {@code -Dcallpush.fuzz.seed=N} runs another, {@code -Dcallpush.fuzz.rounds=N}
 * more rounds. A failure names the seed and round, which replay it.
 */
class PushDecoderFuzzTest {

  private static final long SEED = Long.getLong("callpush.fuzz.seed", 20210508143937L);
  private static final int ROUNDS = Integer.getInteger("callpush.fuzz.rounds", 20_000);

  /** Lenient limits let huge numbers, strings and deep nesting through to the field readers. */
  private static final List<PushDecoder> DECODERS = List.of(
      PushDecoder.defaults(),
      PushDecoder.builder()
          .zone(ZoneId.of("America/St_Johns"))
          .maxNestingDepth(1000)
          .maxNumberLength(1000)
          .maxStringLength(3 << 20)
          .build());

  /** Parsers with the limits of {@link #DECODERS}, in order: each mutant's streamed tree is checked with its decoder's. */
  private static final LocalTimes ZONE_TIMES = new LocalTimes(PushDecoder.DEFAULT_ZONE);
  private static final List<JsonSource> SOURCES = List.of(new JsonSource(ZONE_TIMES, 32, 1 << 20, 64),
      new JsonSource(ZONE_TIMES, 1000, 3 << 20, 1000));
  /** The one-pass decode checked against the tree-based one, with the zone and limits of {@link #DECODERS}, in order. */
  private static final List<DecoderReference> REFERENCES = List.of(
      new DecoderReference(PushDecoder.DEFAULT_ZONE, 32, 1 << 20, 64),
      new DecoderReference(ZoneId.of("America/St_Johns"), 1000, 3 << 20, 1000));

  private static final String[] PUSH_TYPES = {"dialoutRing", "dialoutHangup", "incomingRing", "incomingHangup",
      "cdr", "link", "callStatus", "mediaFailreason", "login", "logout", "CDR", "", "somethingNew"};
  private static final String[] EXTRA_FIELDS = {"pushType", "statusNumber", "statusName", "preMediaCode",
      "preMediaFailureReason", "cdrType", "billCalls", "hangUpSide", "satisfyKeys", "_id", "id", "content",
      "uniqueId", "agentAreacode", "customerAreacode", "offlineType", "logoutType", "loginType", "failureReason",
      "relativeCallUniqueId", "groupIdList", "extras", "statusTime", "callEvent", "callType"};
  private static final String[] TIMES = {"2021-05-08 14:39:37", "2021-02-30 14:39:37", "2021-05-08 24:00:00",
      "9999-12-31 23:59:59", "0000-01-01 00:00:00", "2021-05-08T14:39:37+08:00", "+999999999-12-31T23:59:59",
      "-999999999-01-01T00:00:00-18:00", "2021-05-08 14:39:3x", "1620455977", "1620455977000",
      "999999999999999999", "9223372036854775807", "-1", "0"};
  private static final String[] NUMBERS = {"0", "-0", "-1", "2147483647", "2147483648", "-2147483649",
      "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "1e-400",
      "1e999999999", "1E-999999999", "0.5", "-0.0", "1.7976931348623157e308", "4.9e-324", "100.000",
      "1620455977.123"};
  private static final byte[] INTERESTING_BYTES = {'{', '}', '[', ']', '"', '\\', ',', ':', '0', '-', 'e', '.',
      ' ', '\n', 0, (byte) 0xFF, (byte) 0xC3, (byte) 0xED, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final Charset[] CHARSETS = {StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE,
      Charset.forName("UTF-32BE"), Charset.forName("UTF-32LE"), Charset.forName("GB18030")};

  private final List<JsonNode> samples = Samples.names("valid").stream()
      .map(name -> (JsonNode) Samples.tree("valid/" + name))
      .toList();
  private final String[] fieldNames = fieldNames(samples);

  @Test
  void mutatedSamplesDecodeOrFailOnlyWithPushDecodingException() {
    Map<String, Integer> outcomes = new TreeMap<>();
    int decided = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Random random = new Random(SEED * 31 + round);
      Mutant mutant = mutate(random);
      PushDecoder decoder = DECODERS.get(random.nextInt(DECODERS.size()));
      String where = "seed " + SEED + ", round " + round + " (" + mutant.how() + ")";
      String outcome = check(decoder, mutant, where);
      outcomes.merge(outcome, 1, Integer::sum);
      if (mutant.contentType() == null
          && REFERENCES.get(DECODERS.indexOf(decoder)).assertDecodesAsTree(mutant.body(), null, where)) {
        decided++;
      }
    }
    // the mutants must reach the UTF-8 scanner's own reading too, not only Jackson's
    assertThat(decided).as("mutants the UTF-8 scanner decided, of %d", ROUNDS).isGreaterThan(ROUNDS / 5);
    // the mutations must reach every event type and every kind of failure, or they test little
    assertThat(outcomes).as("outcomes of seed %d", SEED).containsKeys(
        "AgentLogin", "AgentLogout", "AgentStatusChanged", "CallRecord", "CustomerAnswered", "IncomingHangup",
        "IncomingRing", "MediaFailReason", "OutboundHangup", "OutboundRing", "UnknownEvent",
        "EMPTY_BODY", "MALFORMED_JSON", "NOT_AN_OBJECT", "TOO_DEEP", "TOO_LARGE", "UNSUPPORTED_CHARSET");
  }

  /** Decodes a mutant; the name of the event's type, or of the reason it was refused. */
  private String check(PushDecoder decoder, Mutant mutant, String where) {
    if (mutant.contentType() == null) {
      TreeReference.assertParsesAsReadTree(SOURCES.get(DECODERS.indexOf(decoder)), mutant.body(), null, false, where);
    }
    PushEvent event;
    try {
      event = decoder.decode(mutant.body(), mutant.contentType());
    } catch (PushDecodingException expected) {
      assertThat(expected.reason()).as(where).isNotNull();
      assertThat(expected.getMessage()).as(where).isNotBlank();
      return expected.reason().name();
    } catch (Throwable unexpected) {
      throw new AssertionError(where + " threw " + unexpected + " on " + preview(mutant), unexpected);
    }
    assertThat(event).as(where).isNotNull();
    assertThat(event.header()).as(where).isNotNull();
    assertThat(event.raw()).as(where).isNotNull();
    assertThat(event.extras()).as(where).isNotNull();
    if (mutant.contentType() == null) {
      assertThat(event.raw()).as("%s: raw() is the body as received", where).isEqualTo(plainParse(mutant, where));
    }
    return event.getClass().getSimpleName();
  }

  private Mutant mutate(Random random) {
    StringBuilder how = new StringBuilder();
    boolean structural = random.nextInt(4) != 0;
    String json = structural ? mutateStructure(random, how) : pickSample(random).toString();
    if (random.nextInt(40) == 0) {
      how.append(" not an object");
      json = random.nextBoolean() ? "[" + json + "]" : randomValue(random, "body", 1);
    } else if (random.nextInt(8) == 0) {
      how.append(" wrapped");
      json = "{\"content\":" + (random.nextBoolean() ? json : quote(json)) + ",\"uniqueId\":\"u-1\"}";
    }
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String contentType = null;
    if (random.nextInt(8) == 0) {
      Charset charset = CHARSETS[random.nextInt(CHARSETS.length)];
      body = json.getBytes(charset);
      contentType = random.nextBoolean() ? "application/json; charset=" + charset.name() : null;
      contentType = random.nextInt(10) == 0 ? "application/json; charset=x-no-such-charset" : contentType;
      how.append(" encoded ").append(charset.name()).append(contentType == null ? " undeclared" : "");
    }
    int bytewise = structural ? random.nextInt(2) : 1 + random.nextInt(3);
    for (int i = 0; i < bytewise; i++) {
      body = mutateBytes(random, body, how);
    }
    return new Mutant(body, contentType, how.toString().trim());
  }

  /** Sets one to three fields of a sample (or of its wrapped content or extras) to values of other shapes. */
  private String mutateStructure(Random random, StringBuilder how) {
    JsonNode sample = pickSample(random);
    List<ObjectNode> objects = new ArrayList<>();
    collectObjects(sample, objects, 0);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    String[] fieldsAndValues = new String[2 * (1 + random.nextInt(3))];
    for (int i = 0; i < fieldsAndValues.length; i += 2) {
      String field = random.nextInt(4) == 0 ? pick(random, EXTRA_FIELDS) : pick(random, fieldNames);
      fieldsAndValues[i] = field;
      fieldsAndValues[i + 1] = randomValue(random, field, 3);
      how.append(' ').append(field).append('=').append(abbreviate(fieldsAndValues[i + 1]));
    }
    return Samples.splice(sample, target, fieldsAndValues);
  }

  private JsonNode pickSample(Random random) {
    return samples.get(random.nextInt(samples.size()));
  }

  private String randomValue(Random random, String field, int depth) {
    String inner = depth > 0 ? randomValue(random, field, depth - 1) : "0";
    return switch (random.nextInt(depth > 0 ? 16 : 12)) {
      case 0 -> "null";
      case 1 -> random.nextBoolean() ? "true" : "false";
      case 2 -> "\"\"";
      case 3 -> pick(random, NUMBERS);
      case 4 -> digits(random, 1 + random.nextInt(random.nextInt(20) == 0 ? 1100 : 25));
      case 5 -> quote(pick(random, TIMES));
      case 6 -> quote(digits(random, 1 + random.nextInt(30)));
      case 7 -> quote(randomUnicode(random, random.nextInt(40)));
      case 8 -> quote(pick(random, PUSH_TYPES));
      case 9 -> quote(billCall(random));
      case 10 -> random.nextInt(400) == 0 ? quote("x".repeat((1 << 20) + random.nextInt(2 << 20))) : "\"x\"";
      case 11 -> random.nextInt(50) == 0 ? deepNesting(random, 10 + random.nextInt(10_000)) : "[[[]]]";
      case 12 -> "[" + inner + "," + randomValue(random, field, depth - 1) + "]";
      case 13 -> "{\"" + field + "\":" + inner + "}";
      case 14 -> quote("{\"orderId\":" + inner + "}");
      default -> "[\"\"," + quote(billCall(random)) + ",null," + inner + "]";
    };
  }

  private static byte[] mutateBytes(Random random, byte[] body, StringBuilder how) {
    if (body.length == 0) {
      how.append(" empty");
      return body;
    }
    int at = random.nextInt(body.length);
    switch (random.nextInt(7)) {
      case 0:
        how.append(" truncated@").append(at);
        return Arrays.copyOf(body, at);
      case 1: {
        how.append(" flipped@").append(at);
        byte[] flipped = body.clone();
        flipped[at] ^= (byte) (1 << random.nextInt(8));
        return flipped;
      }
      case 2: {
        byte inserted = random.nextBoolean()
            ? INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)]
            : (byte) random.nextInt(256);
        how.append(" inserted@").append(at);
        return splice(body, at, at, new byte[] {inserted});
      }
      case 3: {
        int end = Math.min(body.length, at + 1 + random.nextInt(16));
        how.append(" deleted@").append(at).append('-').append(end);
        return splice(body, at, end, new byte[0]);
      }
      case 4: {
        int end = Math.min(body.length, at + 1 + random.nextInt(64));
        how.append(" duplicated@").append(at).append('-').append(end);
        return splice(body, end, end, Arrays.copyOfRange(body, at, end));
      }
      case 5:
        how.append(" unicode@").append(at);
        return splice(body, at, at, randomUnicode(random, 1 + random.nextInt(4)).getBytes(StandardCharsets.UTF_8));
      default:
        how.append(" nested@").append(at);
        int depth = random.nextInt(20) == 0 ? 10_000 : 1 + random.nextInt(40);
        return splice(body, at, at, "[".repeat(depth).getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static byte[] splice(byte[] body, int from, int to, byte[] insert) {
    byte[] out = new byte[body.length - (to - from) + insert.length];
    System.arraycopy(body, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(body, to, out, from + insert.length, body.length - to);
    return out;
  }

  private static String billCall(Random random) {
    StringBuilder entry = new StringBuilder();
    int fields = random.nextInt(20);
    for (int i = 0; i < fields; i++) {
      entry.append(i == 0 ? "" : "|");
      switch (random.nextInt(5)) {
        case 0 -> entry.append("null");
        case 1 -> entry.append(pick(random, TIMES));
        case 2 -> entry.append(digits(random, random.nextInt(25)));
        case 3 -> entry.append(randomUnicode(random, random.nextInt(6)));
        default -> { }
      }
    }
    return entry.toString();
  }

  /** Code points from every plane, surrogates and controls included. */
  private static String randomUnicode(Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> text.append((char) random.nextInt(0x20));
        case 1 -> text.append((char) (0xD800 + random.nextInt(0x800)));
        case 2 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 3 -> text.append((char) (0x4E00 + random.nextInt(0x5200)));
        default -> text.append((char) random.nextInt(0x10000));
      }
    }
    return text.toString();
  }

  private static String deepNesting(Random random, int depth) {
    return random.nextBoolean()
        ? "[".repeat(depth) + "]".repeat(depth)
        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
  }

  private static String digits(Random random, int length) {
    StringBuilder digits = new StringBuilder(length);
    digits.append(length > 1 ? (char) ('1' + random.nextInt(9)) : (char) ('0' + random.nextInt(10)));
    for (int i = 1; i < length; i++) {
      digits.append((char) ('0' + random.nextInt(10)));
    }
    return digits.toString();
  }

  private static String quote(String text) {
    return Samples.PLAIN.getNodeFactory().textNode(text).toString();
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> objects, int depth) {
    if (node instanceof ObjectNode object && depth < 4) {
      objects.add(object);
    }
    if (depth < 4) {
      node.forEach(child -> collectObjects(child, objects, depth + 1));
    }
  }

  private static String[] fieldNames(List<JsonNode> samples) {
    Set<String> names = new LinkedHashSet<>();
    samples.forEach(sample -> sample.fieldNames().forEachRemaining(names::add));
    return names.toArray(String[]::new);
  }

  private static JsonNode plainParse(Mutant mutant, String where) {
    try {
      return Samples.PLAIN.readTree(mutant.body());
    } catch (IOException e) {
      throw new AssertionError(where + ": decoded a body Jackson rejects: " + preview(mutant), e);
    }
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** At most 60 characters of {@code text}, controls and surrogates escaped, so a failure reads on one line. */
  private static String abbreviate(String text) {
    StringBuilder shown = new StringBuilder();
    text.chars().limit(60).forEach(c -> shown.append(
        c < 0x20 || Character.isSurrogate((char) c) ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return text.length() <= 60 ? shown.toString() : shown + "...(" + text.length() + " chars)";
  }

  private static String preview(Mutant mutant) {
    return abbreviate(new String(mutant.body(), StandardCharsets.UTF_8))
        + (mutant.contentType() == null ? "" : " as " + mutant.contentType());
  }

  private record Mutant(byte[] body, String contentType, String how) {}
}

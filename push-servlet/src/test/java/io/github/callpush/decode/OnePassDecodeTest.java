package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass decode (members off the tokens, the tree only on demand) against the tree-based decoder, on
 * every sample and on quirky and hostile bodies, under three sets of limits ({@link DecoderReference}).
 */
class OnePassDecodeTest {

  private static final List<DecoderReference> REFERENCES = List.of(
      new DecoderReference(PushDecoder.DEFAULT_ZONE, 32, 1 << 20, 64),
      new DecoderReference(ZoneId.of("America/St_Johns"), 1000, 3 << 20, 1000),
      new DecoderReference(PushDecoder.DEFAULT_ZONE, 2, 8, 2));

  /** Values of every shape and quirk, each put in members the reader keeps and in one it skips. */
  private static final List<String> VALUES = List.of(
      "\"\"", "\"x\"", "null", "true", "false", "0", "-0", "7", "-2147483648", "2147483647", "2147483648",
      "-9223372036854775808", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
      "1.5", "-0.0", "1e2", "1E-400", "1e400", "12.50", "\"1620455977\"", "1620455977000", "\"2021-05-08 14:39:37\"",
      "\" 2021-05-08T14:39:37+08:00 \"", "\"2021-02-30 14:39:37\"", "[]", "{}", "[\"\"]", "[\"a\",\"\",null,1,1.5]",
      "[[\"x\"],{\"y\":[1,{\"z\":null}]}]", "{\"orderId\":\"1\",\"n\":[1,2.5],\"o\":{\"p\":true},\"orderId\":2}",
      "\"{\\\"orderId\\\":\\\"1\\\"}\"", "\"{\\\"orderId\\\":1} x\"", "\" {\\\"orderId\\\":1}\"",
      "\"\\u0000\\ud800\\\"\\\\/\\b\\f\\n\\r\\t\\u4e2d\"", "\"中文 · ü ½ 𝄞\"", "\"a|b|null| c |\"",
      "\"2021-05-08 14:39:32|2021-05-08 14:39:37||agent|010|北京\"", "\"agentStatus\"", "\"1,2, 3\"");

  private static final List<String> NAMES = List.of(
      "pushType", "accountId", "eventUniqueId", "callUniqueId", "superUniqueId", "uniqueId", "content", "extras",
      "billCalls", "satisfyKeys", "groupIdList", "statusNumber", "statusTime", "createTime", "sipCode", "callEvent",
      "callType", "segments", "preMediaCode", "cdrType", "loginType", "logoutType", "customerNumber", "unknown",
      "\\u0070ushType", "中文");

  @ParameterizedTest
  @MethodSource("io.github.callpush.decode.Samples#jsonSamples")
  void everySampleDecodesAsFromTheTree(String sample) {
    byte[] body = Samples.bytes(sample);
    boolean decided = assertEverywhere(body, sample);
    assertThat(decided).as("the UTF-8 scanner reads %s itself", sample).isEqualTo(!sample.contains("malformed"));
  }

  @Test
  void everyValueInEveryMemberDecodesAsFromTheTree() {
    int decided = 0;
    int bodies = 0;
    for (String name : NAMES) {
      for (String value : VALUES) {
        for (String json : List.of(
            "{\"" + name + "\":" + value + ",\"callEvent\":\"ring\",\"callType\":\"dialout\",\"accountId\":\"a\"}",
            "{\"pushType\":\"cdr\",\"" + name + "\":" + value + "}",
            "{\"content\":{\"" + name + "\":" + value + ",\"callEvent\":\"link\"},\"uniqueId\":\"u\"}",
            "{\"pushType\":\"mediaFailreason\",\"content\":{\"segments\":[{\"" + name + "\":" + value + "}]}}")) {
          bodies++;
          decided += assertEverywhere(json.getBytes(StandardCharsets.UTF_8), json) ? 1 : 0;
        }
      }
    }
    // floats the reader keeps are left to Jackson; nearly every other body is the scanner's own
    assertThat(decided).as("bodies the UTF-8 scanner decided, of %d", bodies).isGreaterThan(bodies / 2);
  }

  @Test
  void malformedAndHostileBodiesFailAsFromTheTree() {
    List<String> bodies = new ArrayList<>(List.of(
        "", "   ", "null", "12", "\"cdr\"", "[{\"pushType\":\"cdr\"}]", "{\"pushType\":\"cdr\"} {\"pushType\":\"cdr\"}",
        "{\"pushType\":\"cdr\"} x", "{\"pushType\":\"cdr\"}]", "{\"pushType\":\"cdr\",}", "{\"pushType\":\"cdr\"",
        "{\"pushType\":\"cdr\",\"billCalls\":[1,2", "{\"pushType\":'cdr'}", "{pushType:\"cdr\"}", "{\"sipCode\":01}",
        "{\"sipCode\":NaN}", "{\"sipCode\":1.}", "{\"sipCode\":.5}", "{\"sipCode\":+1}", "{\"sipCode\":-}",
        "{\"sipCode\":tru}", "{\"sipCode\":truex}", "{\"pushType\":\"c\tdr\"}", "{\"pushType\" 1}",
        "{\"a\":1 \"b\":2}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12G4\"}", "{\"a\":\"\\u12\"}", "{\"a\":1}/*c*/",
        "{\"a\":1}#", "{\"a\":[1,]}", "{\"a\":{\"b\":1,}}", "{\"a\":\u000b1}", "{\"a\":\u00a01}"));
    String big = "x".repeat((1 << 20) + 1);
    bodies.add("{\"pushType\":\"cdr\",\"unknown\":\"" + big + "\"}");
    bodies.add("{\"pushType\":\"cdr\",\"customerNumber\":\"" + big + "\"}");
    bodies.add("{\"pushType\":\"cdr\",\"unknown\":{\"k\":[\"" + big + "\"]}}");
    bodies.add("{\"" + big + "\":1}");
    bodies.add("{\"pushType\":\"cdr\",\"sipCode\":" + "1".repeat(65) + "}");
    bodies.add("{\"pushType\":\"cdr\",\"unknown\":" + "1".repeat(65) + ".5e" + "1".repeat(10) + "}");
    bodies.add("{\"u\":" + "[".repeat(40) + "]".repeat(40) + "}");
    bodies.add("{\"extras\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}");
    for (String json : bodies) {
      assertEverywhere(json.getBytes(StandardCharsets.UTF_8), json.length() > 80 ? json.substring(0, 80) : json);
    }
    String cdr = Samples.text("valid/cdr.json");
    List<byte[]> encoded = List.of(("\uFEFF" + cdr).getBytes(StandardCharsets.UTF_8),
        ("\uFEFF\uFEFF" + cdr).getBytes(StandardCharsets.UTF_8), cdr.getBytes(StandardCharsets.UTF_16BE),
        ("\uFEFF" + cdr).getBytes(StandardCharsets.UTF_16), cdr.getBytes(Charset.forName("UTF-32LE")),
        cdr.getBytes(Charset.forName("GB18030")),
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'},
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'},
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'},
        new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'},
        new byte[] {'{', '"', 'a', '"', ':', '1', '}', 0});
    for (byte[] body : encoded) {
      assertEverywhere(body, new String(body, 0, Math.min(body.length, 40), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void theUtf8ScannerLeavesToJacksonWhatItIsNotSureOf() {
    LocalTimes times = new LocalTimes(PushDecoder.DEFAULT_ZONE);
    JsonSource json = new JsonSource(times, 32, 1 << 20, 64);
    Utf8Scanner scanner = new Utf8Scanner(json, Samples.PLAIN.getNodeFactory(), times, 32, 1 << 20, 64);
    for (String decided : List.of("{}", " {\"a\":1.5e3} ", "{\"sipCode\":-922337203685477580}",
        "{\"customerNumber\":\"\\u4e2d\\n中文\"}", "{\"extras\":{\"n\":[1,true,null,\"x\"]}}",
        "{\"content\":{\"createTime\":\"2021-05-08 14:39:37\"}}")) {
      assertThat(scanner.scan(decided.getBytes(StandardCharsets.UTF_8), 0)).as(decided).isNotNull();
    }
    for (String undecided : List.of("", "[]", "{\"sipCode\":1.5}", "{\"sipCode\":1234567890123456789}",
        "{\"extras\":{\"n\":0.5}}", "{\"a\":" + "1".repeat(64) + "}", "{\"a\":\"\\x\"}", "{\"a\":1,}",
        "{\"a\":" + "[".repeat(31) + "]".repeat(31) + "}", "{\"a\":1} x", "{\"a\":1")) {
      assertThat(scanner.scan(undecided.getBytes(StandardCharsets.UTF_8), 0)).as(undecided).isNull();
    }
    byte[] overlong = {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0x80, '"', '}'};
    byte[] surrogate = {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'};
    assertThat(scanner.scan(overlong, 0)).isNull();
    assertThat(scanner.scan(surrogate, 0)).isNull();
    assertThat(scanner.scan("{\"a\":\"北京\"}".getBytes(StandardCharsets.UTF_16LE), 0)).isNull();
  }

  /** Under each set of limits, undeclared, declared UTF-8 and declared GB18030 (not scanned from bytes); true when the scanner decided it. */
  private static boolean assertEverywhere(byte[] body, String where) {
    boolean decided = false;
    for (DecoderReference reference : REFERENCES) {
      decided |= reference.assertDecodesAsTree(body, null, where);
      reference.assertDecodesAsTree(body, StandardCharsets.UTF_8, where);
      reference.assertDecodesAsTree(body, Charset.forName("GB18030"), where);
    }
    return decided;
  }
}

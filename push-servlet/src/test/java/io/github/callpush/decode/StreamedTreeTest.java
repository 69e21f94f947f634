package io.github.callpush.decode;

import static io.github.callpush.decode.TreeReference.assertParsesAsReadTree;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The tree streamed off a body against Jackson's {@code readTree} of it, on every sample and on quirky and hostile bodies. */
class StreamedTreeTest {

  private static final LocalTimes TIMES = new LocalTimes(PushDecoder.DEFAULT_ZONE);
  private static final List<JsonSource> SOURCES = List.of(
      new JsonSource(TIMES, 32, 1 << 20, 64), new JsonSource(TIMES, 1000, 3 << 20, 1000),
      new JsonSource(TIMES, 1, 8, 1));

  @ParameterizedTest
  @MethodSource("io.github.callpush.decode.Samples#jsonSamples")
  void everySampleParsesAsWithReadTree(String sample) {
    assertEverywhere(Samples.bytes(sample), sample);
  }

  /** Bodies whose values take every branch of the streamed parse, and its fallback. */
  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      " {\"pushType\":\"cdr\"} \n",
      "{\"pushType\":\"cdr\",\"pushType\":\"login\",\"agentNumber\":\"1\",\"pushType\":null}",
      "{\"a\":200.0,\"b\":1e2,\"c\":-0.0,\"d\":1e400,\"e\":-0,\"f\":0,\"g\":12.50,\"h\":1E-400}",
      "{\"a\":2147483647,\"b\":2147483648,\"c\":-2147483649,\"d\":9223372036854775807,\"e\":9223372036854775808}",
      "{\"a\":-9223372036854775809,\"b\":123456789012345678901234567890,\"c\":-2147483648}",
      "{\"a\":true,\"b\":false,\"c\":null,\"d\":[],\"e\":{},\"f\":\"\"}",
      "{\"a\":[\"x|y\",null,1,1.5,true,false,[\"x\"],{\"y\":[1,{\"z\":null}]},\"\",2147483648,-0]}",
      "{\"a\":[[[[]]]],\"b\":\"1,2\",\"c\":{\"a\":[1,2.5,{}],\"a\":2},\"d\":[{}],\"e\":[[],{}]}",
      "{\"content\":{\"callEvent\":\"link\",\"eventUniqueId\":\"e\"},\"uniqueId\":\"u\"}",
      "{\"content\":\"{\\\"callEvent\\\":\\\"link\\\"}\",\"uniqueId\":1,\"pushType\":\"link\"}",
      "{\"a\":\"\\u0000\\ud800\\\"\\\\/\\b\\n\",\"\\u4e2d\":\"\\u4e2d\\u6587\",\"中文\":\"中文\",\"\":\"\"}",
      "{\"pushType\":\"cdr\"} {\"pushType\":\"cdr\"}",
      "{\"pushType\":\"cdr\"} x",
      "{\"pushType\":\"cdr\"}]",
      "{\"pushType\":\"cdr\",}",
      "{\"pushType\":\"cdr\"",
      "{\"pushType\":\"cdr\",\"a\":[1,2",
      "{\"pushType\":'cdr'}",
      "{pushType:\"cdr\"}",
      "{\"a\":01}",
      "{\"a\":NaN}",
      "{\"a\":1.}",
      "{\"a\":tru}",
      "{\"a\":\"c\tdr\"}",
      "{\"a\" 1}",
      "{\"a\":1 \"b\":2}",
      "[{\"pushType\":\"cdr\"}]",
      "\"cdr\"",
      "12",
      "null",
      "",
      "   ",
  })
  void quirkyAndHostileBodiesParseAsWithReadTree(String json) {
    assertEverywhere(json.getBytes(StandardCharsets.UTF_8), json);
  }

  @Test
  void bodiesOverTheLimitsAndInOtherEncodingsParseAsWithReadTree() {
    List<byte[]> bodies = new ArrayList<>();
    String cdr = Samples.text("valid/cdr.json");
    String big = "x".repeat((1 << 20) + 1);
    bodies.add(("{\"pushType\":\"cdr\",\"unknown\":\"" + big + "\"}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"pushType\":\"cdr\",\"unknown\":[\"" + big + "\"]}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"pushType\":\"cdr\",\"unknown\":{\"k\":\"" + big + "\"}}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"" + big + "\":1}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"pushType\":\"cdr\",\"unknown\":" + "1".repeat(65) + "}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"pushType\":\"cdr\",\"unknown\":[" + "1".repeat(65) + "]}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"pushType\":\"cdr\",\"unknown\":" + "1.5".repeat(30) + "}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"u\":" + "[".repeat(40) + "]".repeat(40) + "}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("{\"u\":" + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000) + "}").getBytes(StandardCharsets.UTF_8));
    bodies.add(("\uFEFF" + cdr).getBytes(StandardCharsets.UTF_8));
    bodies.add(("\uFEFF\uFEFF" + cdr).getBytes(StandardCharsets.UTF_8));
    bodies.add(cdr.getBytes(StandardCharsets.UTF_16BE));
    bodies.add(cdr.getBytes(StandardCharsets.UTF_16LE));
    bodies.add(("\uFEFF" + cdr).getBytes(StandardCharsets.UTF_16));
    bodies.add(cdr.getBytes(Charset.forName("UTF-32LE")));
    bodies.add(cdr.getBytes(Charset.forName("GB18030")));
    bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'});
    bodies.add(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'});
    bodies.add(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});
    bodies.add(new byte[] {'{', '"', 'a', '"', ':', '1', '}', 0});
    for (byte[] body : bodies) {
      assertEverywhere(body, new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8));
    }
  }

  /** Under each set of limits, with and without a declared UTF-8 (and another charset, which is not streamed). */
  private static void assertEverywhere(byte[] body, String where) {
    for (JsonSource json : SOURCES) {
      assertParsesAsReadTree(json, body, null, true, where);
      assertParsesAsReadTree(json, body, StandardCharsets.UTF_8, true, where);
      assertParsesAsReadTree(json, body, Charset.forName("GB18030"), true, where);
    }
  }
}

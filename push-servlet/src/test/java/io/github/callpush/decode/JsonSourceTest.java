package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.decode.PushDecodingException.Reason;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing a body into JSON under limits: BOM, empty bodies, trailing garbage, depth and size, bad encodings. */
class JsonSourceTest {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
  private static final String RING = "valid/dialout-ring.json";

  @Test
  void utf8BomIsSkipped() {
    byte[] body = concat(BOM, Samples.bytes(RING));

    assertThat(PushDecoder.defaults().decode(body)).isInstanceOf(OutboundRing.class);
    assertThat(PushDecoder.defaults().decode(body, "application/json; charset=UTF-8")).isInstanceOf(OutboundRing.class);
    assertThat(PushDecoder.defaults().decode('\uFEFF' + Samples.text(RING))).isInstanceOf(OutboundRing.class);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", " ", " \r\n\t ", "\uFEFF", "\uFEFF \n"})
  void emptyOrWhitespaceBodyIsEmptyBody(String body) {
    assertThat(reasonOf(Samples.utf8(body))).isEqualTo(Reason.EMPTY_BODY);
    assertThat(Samples.failure(() -> PushDecoder.defaults().decode(body)).reason()).isEqualTo(Reason.EMPTY_BODY);
  }

  @Test
  void trailingGarbageAfterTheObjectIsMalformed() {
    PushDecodingException e = failure(Samples.utf8(Samples.text(RING) + "x"));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(e.line()).isEqualTo(16);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.getMessage()).contains("line 16, column 1");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"{} {}", "{}}", "{\"a\":1}\n[]", "{\"a\":1},", "{\"a\":1} null"})
  void secondValueAfterTheObjectIsMalformed(String body) {
    assertThat(reasonOf(Samples.utf8(body))).isEqualTo(Reason.MALFORMED_JSON);
  }

  @Test
  void objectsNested10000DeepAreTooDeep() {
    String body = "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000);

    assertThat(failure(Samples.utf8(body)).reason()).isEqualTo(Reason.TOO_DEEP);
  }

  @Test
  void arraysNested10000DeepAreTooDeep() {
    String body = "{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";

    assertThat(failure(Samples.utf8(body)).reason()).isEqualTo(Reason.TOO_DEEP);
  }

  @Test
  void unclosedNesting10000DeepIsTooDeep() {
    assertThat(failure(Samples.utf8("[".repeat(10_000))).reason()).isEqualTo(Reason.TOO_DEEP);
  }

  @Test
  void nestingUpToTheLimitIsAccepted() {
    byte[] depth32 = Samples.utf8("{\"a\":".repeat(32) + "1" + "}".repeat(32));
    byte[] depth33 = Samples.utf8("{\"a\":".repeat(33) + "1" + "}".repeat(33));

    assertThat(PushDecoder.defaults().decode(depth32).raw()).isEqualTo(Samples.parse(depth32));
    assertThat(failure(depth33).reason()).isEqualTo(Reason.TOO_DEEP);
    assertThat(PushDecoder.builder().maxNestingDepth(33).build().decode(depth33).raw())
        .isEqualTo(Samples.parse(depth33));
  }

  @Test
  void twoMegabyteStringIsTooLarge() {
    byte[] body = Samples.with(RING, "agentName", "\"" + "x".repeat(2 * 1024 * 1024) + "\"");

    assertThat(failure(body).reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void stringUpToTheLimitIsAccepted() {
    String name = "x".repeat(1 << 20);
    OutboundRing ring = Samples.decodeWith(OutboundRing.class, RING, "agentName", "\"" + name + "\"");

    assertThat(ring.call().agentName()).isEqualTo(name);
    PushDecoder strict = PushDecoder.builder().maxStringLength(1000).build();
    byte[] body = Samples.with(RING, "agentName", "\"" + "x".repeat(1001) + "\"");
    assertThat(Samples.failure(() -> strict.decode(body)).reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void thousandDigitNumberIsTooLarge() {
    assertThat(failure(Samples.with(RING, "customerNumber", "1".repeat(1000))).reason()).isEqualTo(Reason.TOO_LARGE);
    assertThat(failure(Samples.with(RING, "customerNumber", "0." + "1".repeat(1000))).reason())
        .isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void thousandDigitNumberInAStringIsJustUnreadable() {
    OutboundRing ring = Samples.decodeWith(OutboundRing.class, RING, "statusTime", "\"" + "9".repeat(1000) + "\"");

    assertThat(ring.statusTime()).isNull();
  }

  @Test
  void hugeFieldNameIsTooLarge() {
    assertThat(failure(Samples.utf8("{\"" + "k".repeat(100_000) + "\":1}")).reason()).isEqualTo(Reason.TOO_LARGE);
  }

  @Test
  void tooDeepJsonInsideExtrasLeavesExtrasEmpty() {
    String deep = "{\\\"a\\\":".repeat(10_000) + "1" + "}".repeat(10_000);

    PushEvent event = Samples.decodeWith(RING, "extras", "\"" + deep + "\"");

    assertThat(event.extras()).isEmpty();
    assertThat(event.raw().get("extras").textValue()).startsWith("{\"a\":{\"a\":");
  }

  @Test
  void invalidUtf8IsMalformed() {
    PushDecodingException e = failure(new byte[] {'{', '"', (byte) 0xFF, '"', ':', '1', '}'});

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void utf16BodyIsDetected() {
    byte[] body = Samples.text(RING).getBytes(StandardCharsets.UTF_16LE);

    assertThat(PushDecoder.defaults().decode(body)).isInstanceOfSatisfying(OutboundRing.class,
        ring -> assertThat(ring.call().agentName()).isEqualTo("sc的坐席"));
  }

  @Test
  void invalidUtf32IsMalformed() {
    byte[] beyondUnicode = {0, 0, 0, '{', 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, '}'};

    assertThat(reasonOf(beyondUnicode)).isEqualTo(Reason.MALFORMED_JSON);
  }

  @Test
  void truncatedUtf32IsMalformed() {
    byte[] truncated = {0, 0, 0, '{', 0, 0, 0};

    assertThat(reasonOf(truncated)).isEqualTo(Reason.MALFORMED_JSON);
  }

  private static byte[] concat(byte[] first, byte[] second) {
    byte[] both = new byte[first.length + second.length];
    System.arraycopy(first, 0, both, 0, first.length);
    System.arraycopy(second, 0, both, first.length, second.length);
    return both;
  }

  private static PushDecodingException failure(byte[] body) {
    return Samples.failure(() -> PushDecoder.defaults().decode(body));
  }

  private static Reason reasonOf(byte[] body) {
    return failure(body).reason();
  }
}

package io.github.callpush.decode;

import static io.github.callpush.decode.Samples.failure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.decode.PushDecodingException.Reason;
import io.github.callpush.event.CallRecord;
import io.github.callpush.event.IncomingHangup;
import io.github.callpush.event.PushEvent;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The decoder's entry points: charsets from Content-Type, bodies that are no object, the builder. */
class PushDecoderTest {

  private static final String HANGUP = "valid/incoming-hangup.json";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"GBK", "GB18030"})
  void chineseBodyIsDecodedInTheCharsetItsContentTypeNames(String charset) {
    byte[] body = Samples.text(HANGUP).getBytes(Charset.forName(charset));
    String contentType = "application/json;charset=" + charset.toLowerCase(Locale.ROOT);

    PushEvent event = PushDecoder.defaults().decode(body, contentType);

    assertThat(event).isInstanceOfSatisfying(IncomingHangup.class,
        hangup -> assertThat(hangup.call().agentName()).isEqualTo("默认坐席"));
  }

  @Test
  void gb18030CallRecordKeepsItsChineseValues() {
    byte[] body = Samples.text("valid/cdr.json").getBytes(Charset.forName("GB18030"));

    CallRecord cdr = (CallRecord) PushDecoder.defaults().decode(body, "application/json; charset=GB18030");

    assertThat(cdr.displayGroupNames()).containsExactly("分组1", "分组2");
    assertThat(cdr.billCalls().get(0).callerCity()).isEqualTo("北京");
    assertThat(cdr.agent().name()).isEqualTo("sc的坐席");
  }

  @Test
  void utf8BodyDeclaredGbkIsNotGbk() {
    byte[] body = "{\"callEvent\":\"ring\",\"agentName\":\"张\"}".getBytes(StandardCharsets.UTF_8);

    PushDecodingException e = failure(() -> PushDecoder.defaults().decode(body, "application/json;charset=GBK"));

    assertThat(e.reason()).isEqualTo(Reason.MALFORMED_JSON);
    assertThat(e).hasMessage("malformed body: not GBK text as its Content-Type says");
  }

  @Test
  void gbkBodyWithoutCharsetIsNotUtf8() {
    byte[] body = Samples.text(HANGUP).getBytes(Charset.forName("GBK"));

    assertThat(failure(() -> PushDecoder.defaults().decode(body, "application/json")).reason())
        .isEqualTo(Reason.MALFORMED_JSON);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"application/json; charset=\"utf-8\"", "application/json;charset=UTF-8",
      "application/json; CHARSET=utf8", "text/plain; format=flowed; charset=\"UTF-8\"", "application/json", ""})
  void utf8ContentTypesAreRecognised(String contentType) {
    PushEvent event = PushDecoder.defaults().decode(Samples.bytes(HANGUP), contentType);

    assertThat(event).isInstanceOfSatisfying(IncomingHangup.class,
        hangup -> assertThat(hangup.call().agentName()).isEqualTo("默认坐席"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "application/json; charset=klingon-8 | klingon-8",
      "application/json; charset=\"x-no-such\" | x-no-such",
      "application/json; charset= | ''",
      "application/json; charset=utf 8 | utf 8"})
  void unknownCharsetIsUnsupported(String contentType, String named) {
    PushDecodingException e = failure(() -> PushDecoder.defaults().decode(Samples.bytes(HANGUP), contentType));

    assertThat(e.reason()).isEqualTo(Reason.UNSUPPORTED_CHARSET);
    assertThat(e.getMessage()).endsWith(": " + named);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', value = {"[] | array", "[{\"pushType\":\"cdr\"}] | array", "\"x\" | string",
      "42 | number", "null | null", "true | boolean"})
  void bodyThatIsNoObjectIsNotAnObject(String body, String found) {
    PushDecodingException e = failure(() -> PushDecoder.defaults().decode(Samples.utf8(body)));

    assertThat(e.reason()).isEqualTo(Reason.NOT_AN_OBJECT);
    assertThat(e.getMessage()).endsWith("found " + found);
    assertThat(failure(() -> PushDecoder.defaults().decode(body)).reason()).isEqualTo(Reason.NOT_AN_OBJECT);
  }

  @Test
  void textAndBytesDecodeAlike() {
    assertThat(PushDecoder.defaults().decode(Samples.text("valid/cdr.json")))
        .isEqualTo(PushDecoder.defaults().decode(Samples.bytes("valid/cdr.json")));
  }

  @Test
  void nullBodyIsRejected() {
    assertThatThrownBy(() -> PushDecoder.defaults().decode((byte[]) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PushDecoder.defaults().decode((String) null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void defaultsReadLocalTimesInShanghai() {
    assertThat(PushDecoder.defaults().zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(PushDecoder.builder().zone(ZoneId.of("UTC")).build().zone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void builderRejectsInvalidSettings() {
    assertThatThrownBy(() -> PushDecoder.builder().zone(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> PushDecoder.builder().maxNestingDepth(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNestingDepth");
    assertThatThrownBy(() -> PushDecoder.builder().maxStringLength(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxStringLength");
    assertThatThrownBy(() -> PushDecoder.builder().maxNumberLength(0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxNumberLength");
  }

  @Test
  void maxNumberLengthIsConfigurable() {
    byte[] body = Samples.bytes("valid/cdr.json");
    PushDecoder strict = PushDecoder.builder().maxNumberLength(2).build();

    assertThat(failure(() -> strict.decode(body)).reason()).isEqualTo(Reason.TOO_LARGE);
  }
}

package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormSourceTest {

  private static final Charset GBK = Charset.forName("GBK");
  private final FormSource form = new FormSource(1 << 20);

  private ObjectNode parse(String body, Charset charset) {
    return form.parse(body.getBytes(StandardCharsets.ISO_8859_1), charset);
  }

  @Test
  void readsNamesAndValuesInOrderDecodingEscapesAndPlus() {
    ObjectNode parsed = parse("CallNo=010+8765&AgentName=%E5%BC%A0%E4%B8%89&Empty=&Flag", null);

    assertThat(parsed.properties()).extracting(entry -> entry.getKey())
        .containsExactly("CallNo", "AgentName", "Empty", "Flag");
    assertThat(parsed.get("CallNo").textValue()).isEqualTo("010 8765");
    assertThat(parsed.get("AgentName").textValue()).isEqualTo("张三");
    assertThat(parsed.get("Empty").textValue()).isEmpty();
    assertThat(parsed.get("Flag").textValue()).isEmpty();
  }

  @Test
  void aRepeatedNameBecomesAnArrayInOrder() {
    ObjectNode parsed = parse("k=1&x=2&k=3&k=4", null);

    assertThat(parsed.get("k").isArray()).isTrue();
    assertThat(parsed.get("k")).extracting(node -> node.textValue()).containsExactly("1", "3", "4");
  }

  @Test
  void aMalformedEscapeIsKeptAsSent() {
    assertThat(parse("v=100%&w=%zz%4", null).get("v").textValue()).isEqualTo("100%");
    assertThat(parse("v=100%&w=%zz%4", null).get("w").textValue()).isEqualTo("%zz%4");
  }

  @Test
  void bytesThatAreNotUtf8AreReadAsGbkWhenNoCharsetIsDeclared() {
    String gbkEscaped = escape("北京".getBytes(GBK));

    assertThat(parse("Province=" + gbkEscaped, null).get("Province").textValue()).isEqualTo("北京");
    assertThat(parse("Province=" + escape("北京".getBytes(StandardCharsets.UTF_8)), null).get("Province").textValue())
        .isEqualTo("北京");
  }

  @Test
  void aDeclaredCharsetIsUsed() {
    assertThat(parse("Province=" + escape("北京".getBytes(GBK)), GBK).get("Province").textValue()).isEqualTo("北京");
  }

  @ParameterizedTest(name = "[{0}]")
  @CsvSource(value = {"''", "&", "&&=x", "=&="}, quoteCharacter = '\'')
  void aFormWithoutParametersIsAnEmptyBody(String body) {
    assertThatThrownBy(() -> parse(body, null)).isInstanceOfSatisfying(PushDecodingException.class,
        empty -> assertThat(empty.reason()).isEqualTo(PushDecodingException.Reason.EMPTY_BODY));
  }

  @Test
  void aValueOverTheLimitIsTooLarge() {
    FormSource small = new FormSource(8);

    assertThatThrownBy(() -> small.parse("v=123456789".getBytes(StandardCharsets.US_ASCII), null))
        .isInstanceOfSatisfying(PushDecodingException.class,
            tooLong -> assertThat(tooLong.reason()).isEqualTo(PushDecodingException.Reason.TOO_LARGE));
  }

  @ParameterizedTest(name = "{0} + [{1}] is a form: {2}")
  @CsvSource(value = {
      "application/x-www-form-urlencoded, CallNo=1, true",
      "APPLICATION/X-WWW-FORM-URLENCODED;charset=GBK, CallNo=1, true",
      "application/x-www-form-urlencoded, '  {\"a\":1}', false",
      "application/x-www-form-urlencoded, [1], false",
      "application/json, CallNo=1, false",
      "text/plain, CallNo=1, false"}, quoteCharacter = '\'')
  void theContentTypeAndTheFirstByteTellAForm(String contentType, String body, boolean form) {
    assertThat(FormSource.isForm(contentType, body.getBytes(StandardCharsets.UTF_8))).isEqualTo(form);
  }

  @Test
  void noContentTypeIsNoForm() {
    assertThat(FormSource.isForm(null, "CallNo=1".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  private static String escape(byte[] bytes) {
    StringBuilder escaped = new StringBuilder();
    for (byte b : bytes) {
      escaped.append('%').append(String.format("%02X", b & 0xff));
    }
    return escaped.toString();
  }
}

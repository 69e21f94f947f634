package io.github.callpush.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodeTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"previewDialout", "PREVIEW_DIALOUT", "preview_dialout", "PreviewDialout", "PREVIEWDIALOUT",
      "_preview__dialout_"})
  void matchesIgnoringCaseAndUnderscores(String raw) {
    Code<CallType> code = Code.of(CallType.class, raw);

    assertThat(code.value()).isEqualTo(CallType.PREVIEW_DIALOUT);
    assertThat(code.raw()).isEqualTo(raw);
    assertThat(code.isOther()).isFalse();
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"incoming, INCOMING", "autoDialout, AUTO_DIALOUT", "webcall, WEBCALL", "dialout, DIALOUT"})
  void everyDocumentedCallTypeIsKnown(String raw, CallType expected) {
    assertThat(Code.of(CallType.class, raw).value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"forbidden, FORBIDDEN", "serviceUnavailable, SERVICE_UNAVAILABLE", "cancel, CANCEL",
      "requestTimeout, REQUEST_TIMEOUT", "unknow, UNKNOW", "decline, DECLINE"})
  void everyDocumentedFailureReasonIsKnown(String raw, FailureReason expected) {
    assertThat(Code.of(FailureReason.class, raw).value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"IVR, IVR", "QUEUE_ABANDON, QUEUE_ABANDON", "ANSWER, ANSWER", "AGENT_NO_ANSWER, AGENT_NO_ANSWER",
      "CUSTOMER_NO_ANSWER, CUSTOMER_NO_ANSWER", "CALL_TRANSFER, CALL_TRANSFER"})
  void everyDocumentedAnswerStatusIsKnown(String raw, AnswerStatus expected) {
    assertThat(Code.of(AnswerStatus.class, raw).value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"normal, NORMAL", "doubleTrack, DOUBLE_TRACK", "voiceMail, VOICE_MAIL"})
  void everyDocumentedRecordTypeIsKnown(String raw, RecordType expected) {
    assertThat(Code.of(RecordType.class, raw).value()).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"unknown", "predictive-dialout", "preview dialout", "OTHER", "other", "", " incoming",
      "呼入", "dıalout", "DİALOUT"})
  void unknownCodeIsOtherWithItsRawValueKept(String raw) {
    Code<CallType> code = Code.of(CallType.class, raw);

    assertThat(code.value()).isEqualTo(CallType.OTHER);
    assertThat(code.isOther()).isTrue();
    assertThat(code.raw()).isEqualTo(raw);
    assertThat(code).hasToString(raw);
  }

  @Test
  void kelvinSignIsNotTheLetterK() {
    assertThat(Code.of(RecordType.class, "doubleTracK").value()).isEqualTo(RecordType.OTHER);
    assertThat(Code.of(RecordType.class, "double_tracK").value()).isEqualTo(RecordType.OTHER);
    assertThat(Code.of(RecordType.class, "double_track").value()).isEqualTo(RecordType.DOUBLE_TRACK);
  }

  @Test
  void unknowIsTheSpecsSpellingNotUnknown() {
    assertThat(Code.of(FailureReason.class, "unknow").value()).isEqualTo(FailureReason.UNKNOW);
    assertThat(Code.of(FailureReason.class, "unknown").isOther()).isTrue();
  }

  @Test
  void nullRawIsNoCode() {
    assertThat(Code.of(CallType.class, null)).isNull();
  }

  @Test
  void isComparesTheConstant() {
    Code<CallPhase> ring = Code.of(CallPhase.class, "Ring");

    assertThat(ring.is(CallPhase.RING)).isTrue();
    assertThat(ring.is(CallPhase.HANGUP)).isFalse();
    assertThat(ring).isEqualTo(new Code<>(CallPhase.RING, "Ring")).isNotEqualTo(new Code<>(CallPhase.RING, "ring"));
  }

  @Test
  void constructorRequiresBothParts() {
    assertThatThrownBy(() -> new Code<CallType>(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new Code<>(CallType.INCOMING, null)).isInstanceOf(NullPointerException.class);
  }
}

package io.github.callpush.decode;

import static io.github.callpush.decode.Samples.decodeWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.event.AgentStatus;
import io.github.callpush.event.AgentStatusChanged;
import io.github.callpush.event.CallRecord;
import io.github.callpush.event.MediaFailReason;
import io.github.callpush.event.OutboundHangup;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How field values are read whatever JSON type they arrive as (design.md section 3), on real samples. */
class PayloadFieldsTest {

  private static final String CDR = "valid/cdr.json";
  private static final String RING = "valid/dialout-ring.json";
  private static final Instant RING_TIME = Instant.parse("2021-05-08T06:39:37Z");

  @ParameterizedTest(name = "agentRingDuration: {0}")
  @ValueSource(strings = {"\"5\"", "5", "\" 5 \"", "\"5.0\"", "5.0", "\"+5\""})
  void durationSentAsStringOrNumberIsRead(String value) {
    CallRecord cdr = decodeWith(CallRecord.class, CDR, "agentRingDuration", value);

    assertThat(cdr.durations().agentRing()).isEqualTo(5);
  }

  @Test
  void sipCodeSentAsStringIsRead() {
    assertThat(decodeWith(CallRecord.class, CDR, "sipCode", "\"200\"").sipCode()).isEqualTo(200);
  }

  @Test
  void preMediaCodeDocumentedAsNumberIsReadFromString() {
    MediaFailReason media = decodeWith(MediaFailReason.class, "valid/media-failreason.json", "preMediaCode", "\"15\"");

    assertThat(media.code()).isEqualTo(15);
  }

  @Test
  void statusNumberSentAsNumberIsRead() {
    AgentStatusChanged status =
        decodeWith(AgentStatusChanged.class, "valid/call-status-talking.json", "statusNumber", "104");

    assertThat(status.statusNumber()).isEqualTo(104);
    assertThat(status.status()).isEqualTo(AgentStatus.CUSTOM);
  }

  @ParameterizedTest(name = "customerNumber: {0}")
  @ValueSource(strings = {"17319132391", "123456789012345678901234567890"})
  void customerNumberSentAsNumberKeepsItsDigits(String digits) {
    OutboundRing ring = decodeWith(OutboundRing.class, RING, "customerNumber", digits);

    assertThat(ring.call().customerNumber()).isEqualTo(digits);
  }

  @Test
  void phoneNumbersSentAsStringsKeepLeadingZeros() {
    OutboundRing ring = decodeWith(OutboundRing.class, RING, "customerNumber", "\"008613800000000\"");

    assertThat(ring.call().customerNumber()).isEqualTo("008613800000000");
    assertThat(ring.call().displayNumber()).isEqualTo("01081400192");
  }

  @ParameterizedTest(name = "agentRingDuration: {0}")
  @ValueSource(strings = {"\"5.5\"", "5.5", "\"five\"", "99999999999", "\"99999999999\"", "1e400", "\"1e400\"",
      "-1e400", "\"1e-999999999\"", "true", "[5]", "{\"s\":5}"})
  void durationThatIsNoWholeIntIsNullAndStaysInRaw(String value) {
    assertThat(decodeKeepingRaw(CallRecord.class, CDR, "agentRingDuration", value).durations().agentRing()).isNull();
  }

  @ParameterizedTest(name = "customerNumber: {0}")
  @ValueSource(strings = {"1e400", "-1e400"})
  void textFieldSentAsOverflowingNumberIsNull(String value) {
    OutboundRing ring = decodeWith(OutboundRing.class, RING, "customerNumber", value);

    assertThat(ring.call().customerNumber()).isNull();
  }

  @ParameterizedTest(name = "statusTime: {0}")
  @ValueSource(strings = {"\"1620455977\"", "1620455977", "\"1620455977000\"", "1620455977000",
      "\"2021-05-08 14:39:37\"", "\" 2021-05-08 14:39:37 \"", "\"2021-05-08T14:39:37\"",
      "\"2021-05-08T14:39:37+08:00\"", "\"2021-05-08T06:39:37Z\""})
  void timeIsReadAsUnixSecondsUnixMillisOrLocalTimeInShanghai(String value) {
    assertThat(decodeWith(RING, "statusTime", value).statusTime()).isEqualTo(RING_TIME);
  }

  @Test
  void unixMillisKeepTheirMilliseconds() {
    assertThat(decodeWith(RING, "statusTime", "1620455977123").statusTime())
        .isEqualTo(Instant.parse("2021-05-08T06:39:37.123Z"));
    assertThat(decodeWith(RING, "statusTime", "\"1620455977123\"").statusTime())
        .isEqualTo(Instant.parse("2021-05-08T06:39:37.123Z"));
  }

  @ParameterizedTest(name = "statusTime: {0}")
  @ValueSource(strings = {"\"\"", "null", "\"yesterday\"", "\"2021-13-45 25:61:61\"", "\"2021/05/08 14:39:37\"",
      "\"0\"", "0", "-5", "\"-5\"", "1620455977.5", "1e400", "\"99999999999999999999\"",
      "99999999999999999999", "true", "[1620455977]", "{\"t\":1620455977}"})
  void unreadableOrEmptyTimeIsNullAndStaysInRaw(String value) {
    assertThat(decodeKeepingRaw(OutboundRing.class, RING, "statusTime", value).statusTime()).isNull();
  }

  @Test
  void localTimesAreReadInTheConfiguredZone() {
    PushDecoder utc = PushDecoder.builder().zone(ZoneOffset.UTC).build();
    PushDecoder berlin = PushDecoder.builder().zone(ZoneId.of("Europe/Berlin")).build();

    CallRecord cdr = (CallRecord) utc.decode(Samples.bytes(CDR));
    assertThat(cdr.times().start()).isEqualTo(Instant.parse("2021-05-08T14:39:32Z"));
    assertThat(cdr.times().saved()).isEqualTo(Instant.parse("2021-05-08T14:39:48Z"));
    assertThat(cdr.billCalls().get(0).startTime()).isEqualTo(Instant.parse("2021-05-08T14:39:32Z"));
    assertThat(berlin.decode(Samples.bytes("valid/login.json")).statusTime())
        .as("CEST is UTC+2").isEqualTo(Instant.parse("2021-07-22T16:06:48Z"));
  }

  @Test
  void zoneDoesNotShiftUnixTimes() {
    PushDecoder utc = PushDecoder.builder().zone(ZoneOffset.UTC).build();

    assertThat(utc.decode(Samples.bytes(RING)).statusTime()).isEqualTo(RING_TIME);
  }

  @Test
  void emptyStringMeansAbsent() {
    CallRecord cdr = decodeWith(CallRecord.class, CDR,
        "agentName", "\"\"", "sipCode", "\"\"", "startTime", "\"\"", "callType", "\"\"", "recordType", "\"\"",
        "eventUniqueId", "\"\"", "groupIdList", "\"\"");

    assertThat(cdr.agent().name()).isNull();
    assertThat(cdr.sipCode()).isNull();
    assertThat(cdr.times().start()).isNull();
    assertThat(cdr.callType()).isNull();
    assertThat(cdr.recording().type()).isNull();
    assertThat(cdr.eventId()).isNull();
    assertThat(cdr.displayGroupIds()).isEmpty();
    assertThat(cdr.routing().trunkNumber()).as("sent as \"\" by the spec").isNull();
  }

  @Test
  void jsonNullMeansAbsent() {
    OutboundRing ring = decodeWith(OutboundRing.class, RING, "agentName", "null", "callType", "null");

    assertThat(ring.call().agentName()).isNull();
    assertThat(ring.call().callType()).isNull();
  }

  @Test
  void extrasSentAsObjectIsAMap() {
    PushEvent event =
        decodeWith(RING, "extras", "{\"orderId\":\"A-001\",\"count\":3,\"tags\":[\"vip\"],\"m\":{\"k\":null}}");

    assertThat(event.extras()).containsExactly(
        Map.entry("orderId", "A-001"), Map.entry("count", 3), Map.entry("tags", List.of("vip")),
        Map.entry("m", Collections.singletonMap("k", null)));
  }

  @Test
  void extrasSentAsJsonStringIsAMap() {
    PushEvent event = decodeWith(RING, "extras", "\"{\\\"orderId\\\":\\\"A-001\\\",\\\"count\\\":3}\"");

    assertThat(event.extras()).containsExactly(Map.entry("orderId", "A-001"), Map.entry("count", 3));
  }

  @ParameterizedTest(name = "extras: {0}")
  @ValueSource(strings = {"\"\"", "\"not json\"", "\"{not json\"", "\"{\\\"a\\\":1} trailing\"", "\"[1,2]\"",
      "[1,2]", "42", "null"})
  void extrasThatIsNoObjectIsEmptyAndStaysInRaw(String value) {
    assertThat(decodeKeepingRaw(OutboundRing.class, RING, "extras", value).extras()).isEmpty();
  }

  @Test
  void extrasCannotBeModified() {
    PushEvent event = decodeWith(RING, "extras", "{\"a\":1}");

    assertThatThrownBy(() -> event.extras().put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void groupListOfOneEmptyStringIsEmpty() {
    OutboundHangup hangup = decodeWith(OutboundHangup.class, "valid/dialout-hangup.json",
        "groupIdList", "[\"\"]", "groupNameList", "[\"\", \" \", null]");

    assertThat(hangup.displayGroupIds()).isEmpty();
    assertThat(hangup.displayGroupNames()).isEmpty();
  }

  @Test
  void groupListKeepsItsValuesInOrder() {
    OutboundHangup hangup = decodeWith(OutboundHangup.class, "valid/dialout-hangup.json",
        "groupIdList", "[\"g2\", \"\", \"g1\", 7]", "groupNameList", "\"分组1\"");

    assertThat(hangup.displayGroupIds()).containsExactly("g2", "g1", "7");
    assertThat(hangup.displayGroupNames()).containsExactly("分组1");
  }

  /** {@code sample} with {@code field} set to {@code value}, decoded; the value as sent must stay in raw(). */
  private static <T extends PushEvent> T decodeKeepingRaw(Class<T> type, String sample, String field, String value) {
    T event = decodeWith(type, sample, field, value);
    assertThat(event.raw().get(field)).as("raw %s", field).isEqualTo(Samples.parse(value));
    return event;
  }
}

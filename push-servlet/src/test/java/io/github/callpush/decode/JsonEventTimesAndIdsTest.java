package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.CallRecord;
import io.github.callpush.event.CustomerAnswered;
import io.github.callpush.event.MediaFailReason;
import io.github.callpush.event.PushEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The JSON events' gaps closed: the call of every call event, a time to order every event by, every field typed. */
class JsonEventTimesAndIdsTest {

  private static final Instant RECEIVED = Instant.parse("2026-12-05T09:00:00Z");
  private static final PushDecoder DECODER = PushDecoder.builder().clock(Clock.fixed(RECEIVED, ZoneOffset.UTC)).build();

  private static PushEvent decode(String json) {
    return DECODER.decode(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theSpecsLinkExampleBelongsToTheCallOfItsSuperUniqueId() {
    PushEvent link = DECODER.decode(Samples.bytes("spec/link.json"));

    assertThat(link).isInstanceOf(CustomerAnswered.class);
    assertThat(link.callId()).isEqualTo("393928840994361344");
  }

  @Test
  void callUniqueIdWinsOverSuperUniqueId() {
    PushEvent hangup = DECODER.decode(Samples.bytes("valid/incoming-hangup.json"));

    assertThat(hangup.callId()).isEqualTo("403344537650466816");
    assertThat(hangup.raw().get("superUniqueId").textValue()).isEqualTo("393928840994361344");
  }

  @Test
  void aCallRecordIsTimedByItsCreationAndKeepsItsIdsApart() {
    CallRecord cdr = Samples.decodeWith(CallRecord.class, "valid/cdr.json",
        "_id", "\"rec-1\"", "id", "\"17\"", "uniqueId", "\"u-1\"", "applicationId", "\"app-1\"");

    assertThat(cdr.statusTime()).as("a record has no statusTime").isNull();
    assertThat(cdr.time()).isEqualTo(cdr.times().created()).isEqualTo(Instant.parse("2021-05-08T06:39:48Z"));
    assertThat(cdr.recordId()).isEqualTo("rec-1");
    assertThat(cdr.serialId()).isEqualTo("17");
    assertThat(cdr.uniqueId()).isEqualTo("u-1");
    assertThat(cdr.applicationId()).isEqualTo("app-1");
  }

  @Test
  void aCallRecordWithoutCreateTimeIsTimedByItsSaveOrEndTime() {
    CallRecord cdr = Samples.decodeWith(CallRecord.class, "valid/cdr.json", "createTime", "\"\"");

    assertThat(cdr.time()).isEqualTo(Instant.parse("2021-05-08T06:39:48Z")).isEqualTo(cdr.times().saved());
  }

  @Test
  void mediaFailReasonIsTimedWhenReceivedAndTypesItsSegments() {
    MediaFailReason reason = (MediaFailReason) decode("""
        {"eventUniqueId":"e-1","accountId":"20000153","callUniqueId":"c-1","pushType":"mediaFailreason",
         "preMediaFailureReason":"onThePhone","preMediaCode":15,"preMediaKeyWord":"正在通话",
         "content":{"segments":[{"beginTime":120,"endTime":1830,"channelId":1,"text":"您拨打的电话正在通话中"},
                                {"beginTime":"1900","endTime":"","text":"请稍后再拨"}]}}""");

    assertThat(reason.time()).isEqualTo(RECEIVED);
    assertThat(reason.callId()).as("content is a field here, not a wrapper").isEqualTo("c-1");
    assertThat(reason.keyword()).isEqualTo("正在通话");
    assertThat(reason.segments()).containsExactly(
        new MediaFailReason.Segment(Duration.ofMillis(120), Duration.ofMillis(1830), 1, "您拨打的电话正在通话中"),
        new MediaFailReason.Segment(Duration.ofMillis(1900), null, null, "请稍后再拨"));
  }

  @Test
  void theSpecsMediaFailReasonHasNoSegments() {
    MediaFailReason reason = (MediaFailReason) DECODER.decode(Samples.bytes("spec/media-failreason.json"));

    assertThat(reason.segments()).isEmpty();
  }

  @Test
  void aPushWithATimeIsTimedByItsStatusTimeWhateverTheDecodeTime() {
    PushEvent ring = DECODER.decode(Samples.bytes("valid/dialout-ring.json"), null, Instant.parse("2030-01-01T00:00:00Z"));

    assertThat(ring.time()).isEqualTo(ring.statusTime()).isEqualTo(Instant.ofEpochSecond(1620455977));
  }

  @Test
  void theGivenReceiveTimeDatesAPushWithoutTime() {
    Instant received = Instant.parse("2030-01-01T00:00:00Z");

    assertThat(DECODER.decode(Samples.bytes("spec/media-failreason.json"), null, received).time()).isEqualTo(received);
  }
}

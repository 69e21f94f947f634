package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.AgentLogin;
import io.github.callpush.event.AgentLogout;
import io.github.callpush.event.AgentStatus;
import io.github.callpush.event.AgentStatusChanged;
import io.github.callpush.event.AnswerStatus;
import io.github.callpush.event.BillCall;
import io.github.callpush.event.CallPhase;
import io.github.callpush.event.CallRecord;
import io.github.callpush.event.CallState;
import io.github.callpush.event.CallType;
import io.github.callpush.event.Code;
import io.github.callpush.event.CustomerAnswered;
import io.github.callpush.event.EventHeader;
import io.github.callpush.event.HangupSide;
import io.github.callpush.event.IncomingHangup;
import io.github.callpush.event.IncomingRing;
import io.github.callpush.event.LoginType;
import io.github.callpush.event.LogoutType;
import io.github.callpush.event.MediaFailReason;
import io.github.callpush.event.OutboundHangup;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import io.github.callpush.event.RecordType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The platform spec's own examples ({@code samples/spec}), checked component by component against values
 * read off the spec by hand, and their corrected versions ({@code samples/valid}).
 */
class SpecExamplesTest {

  private static final String ACCOUNT = "20000153";
  private static final String CALL = "403344537650466816";
  private static final String AGENT_NAME = "sc的坐席";
  private static final String RECORDING = "https://v7call-1256921685.cos.ap-beijing.myqcloud.com/"
      + "v7-call-recording-beta/2100147/doubleTrack/20210508/"
      + "2100147-20210508143942-17319132391-01081400192-20001-0-403344537650466816-doubleTrack";
  /** When the examples are decoded: the time of a push that carries none of its own. */
  private static final Instant RECEIVED = Instant.parse("2026-12-05T08:00:00Z");
  private static final PushDecoder DECODER = PushDecoder.builder().clock(Clock.fixed(RECEIVED, ZoneOffset.UTC)).build();
  private static final CallRecord.Location BEIJING = new CallRecord.Location("86", "中国", "北京", "北京", "010");

  @Test
  void dialoutRingDecodesEveryField() {
    assertDecodesTo("spec/dialout-ring.json", new OutboundRing(
        header("spec/dialout-ring.json", "dialoutRing", "8757e994f19040749c5b194faaf21c78", ACCOUNT, CALL,
            "2021-05-08T06:39:37Z"),
        dialoutCall(CallPhase.RING, "ring")));
  }

  @Test
  void dialoutHangupDecodesEveryFieldAndEmptyGroupLists() {
    assertDecodesTo("spec/dialout-hangup.json", new OutboundHangup(
        header("spec/dialout-hangup.json", "dialoutHangup", "372e1067da2c40248d8f24425f2f5273", ACCOUNT, CALL,
            "2021-05-08T06:39:47Z"),
        dialoutCall(CallPhase.HANGUP, "hangup"), List.of(), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "incoming-ring-section.json, e454d40def4d47ee9d7a76aba5d6cbb7, 2021-05-08T06:39:32Z, CALLING, calling, 2, "
          + "CALLING, 呼叫中",
      "call-status-talking.json, fbc13d07ddff4649bc1ca6d636a915b4, 2021-05-08T06:39:42Z, LINK, link, 4, "
          + "TALKING, 通话中",
      "call-status-wrapup.json, 9a25c35ab7fe4adebb2c1462ca15635e, 2021-05-08T06:39:47Z, HANGUP, hangup, 5, "
          + "WRAP_UP, 整理"})
  void agentStatusExamplesDecodeEveryField(String name, String eventId, String statusTime, CallPhase phase,
      String rawPhase, int statusNumber, AgentStatus status, String statusName) {
    String path = "spec/" + name;
    assertDecodesTo(path, new AgentStatusChanged(
        header(path, "callStatus", eventId, ACCOUNT, CALL, statusTime),
        dialoutCall(phase, rawPhase), statusNumber, status, statusName));
  }

  @Test
  void incomingHangupExampleIsMalformedAtLine12Column1() {
    PushDecodingException e =
        Samples.failure(() -> PushDecoder.defaults().decode(Samples.bytes("spec/incoming-hangup.malformed.json")));

    assertThat(e.reason()).isEqualTo(PushDecodingException.Reason.MALFORMED_JSON);
    assertThat(e.line()).isEqualTo(12);
    assertThat(e.column()).isEqualTo(1);
    assertThat(e.getMessage()).contains("line 12, column 1").contains("comma");
  }

  @Test
  void callRecordDecodesEveryFieldOfEveryNestedRecord() {
    String path = "spec/cdr.json";
    CallRecord expected = new CallRecord(
        header(path, "cdr", "0db0948a14ea4b7eaa719f1f2501d142", "2100147", CALL, null, at("2021-05-08T06:39:48Z")),
        null,
        null,
        null,
        null,
        "callRecord",
        new Code<>(CallType.DIALOUT, "dialout"),
        new Code<>(AnswerStatus.ANSWER, "ANSWER"),
        new Code<>(HangupSide.AGENT, "AGENT"),
        null,
        200,
        "635be250-10e9-4c60-93f7-32479dfe85e1",
        null,
        new CallRecord.Customer("17319132391", "mobile", null, null, BEIJING),
        new CallRecord.Agent(
            "20001", AGENT_NAME, "6094f5aa696609001197e4b9", "18519117865", "mobile",
            new Code<>(LoginType.PSTN, "PSTN"), BEIJING),
        new CallRecord.Times(
            at("2021-05-08T06:39:32Z"), null, null, at("2021-05-08T06:39:32Z"), at("2021-05-08T06:39:37Z"),
            at("2021-05-08T06:39:37Z"), at("2021-05-08T06:39:42Z"), at("2021-05-08T06:39:37Z"),
            at("2021-05-08T06:39:42Z"), at("2021-05-08T06:39:47Z"), at("2021-05-08T06:39:47Z"),
            at("2021-05-08T06:39:48Z"), at("2021-05-08T06:39:48Z")),
        new CallRecord.Durations(15, 5, 5, 5, 0, 0, 5, 0),
        new CallRecord.Recording(
            new Code<>(RecordType.DOUBLE_TRACK, "doubleTrack"), RECORDING + ".mp3", RECORDING + "-out.mp3",
            RECORDING + "-in.mp3", null, RECORDING + ".mp3"),
        new CallRecord.Routing(
            null, "01081400192", null, null, null, null, null, null, "172.31.15.12:32766", null, null, "000"),
        new CallRecord.Satisfaction(null, List.of(), null, null),
        List.of(
            new BillCall(
                at("2021-05-08T06:39:32Z"), at("2021-05-08T06:39:37Z"), at("2021-05-08T06:39:47Z"), "agent",
                "01081400192", "18519117865", "20001", "mobileInternal", "86", "010", "北京", "86", "010", "北京",
                "out-bound-call-agent", "PSTN",
                List.of("2021-05-08 14:39:32", "2021-05-08 14:39:37", "2021-05-08 14:39:47", "agent", "01081400192",
                    "18519117865", "20001", "mobileInternal", "86", "010", "北京", "86", "010", "北京",
                    "out-bound-call-agent", "PSTN")),
            new BillCall(
                at("2021-05-08T06:39:37Z"), at("2021-05-08T06:39:42Z"), at("2021-05-08T06:39:47Z"), "customer",
                "01081400192", "17319132391", null, "mobileInternal", "86", "010", "北京", "86", "010", "北京",
                "out-bound-customer", null,
                List.of("2021-05-08 14:39:37", "2021-05-08 14:39:42", "2021-05-08 14:39:47", "customer", "01081400192",
                    "17319132391", "", "mobileInternal", "86", "010", "北京", "86", "010", "北京",
                    "out-bound-customer", "null"))),
        List.of("60541bbf4aab2c0021278ad2", "605be962a342660011ecc5af"),
        List.of("分组1", "分组2"));

    assertDecodesTo(path, expected);
  }

  @Test
  void linkExampleIsCustomerAnsweredIdentifiedByTheWrappersUniqueId() {
    String path = "spec/link.json";
    PushEvent event = assertDecodesTo(path, new CustomerAnswered(
        header(path, "link", "92fe6e957421411c9343fdef75411ca1", "2100147", "393928840994361344",
            "2021-03-25T02:07:44Z"),
        new CallState(
            "15201277786", null, "02258834811", new Code<>(CallPhase.LINK, "link"),
            new Code<>(CallType.DIALOUT, "dialout"), "1121", "1121", "393928840994361344")));

    assertThat(event.raw().has("content")).as("raw() is the whole body, wrapper included").isTrue();
    assertThat(event.raw().get("uniqueId").textValue()).isEqualTo("92fe6e957421411c9343fdef75411ca1");
  }

  @Test
  void mediaFailReasonExampleDecodesEveryField() {
    assertDecodesTo("spec/media-failreason.json", new MediaFailReason(
        header("spec/media-failreason.json", "mediaFailreason", "88c15955242645b485e902ec077acc52", ACCOUNT,
            "403381132931895296", null),
        "2001", "onThePhone", 15, "正在通话", List.of()));
  }

  @Test
  void loginExampleReadsItsLocalTimeInShanghai() {
    assertDecodesTo("spec/login.json", new AgentLogin(
        header("spec/login.json", "login", "bf6dc33761c34272800c7c8256f53c5a", "2000103", null,
            "2021-07-22T10:06:48Z"),
        "9998", "XXX", new Code<>(LoginType.PSTN, "PSTN"), null));
  }

  @Test
  void logoutExampleDecodesEveryField() {
    assertDecodesTo("spec/logout.json", new AgentLogout(
        header("spec/logout.json", "logout", "1278cc942e7544858b36a4588880e24a", "2000103", null,
            "2021-07-22T10:06:55Z"),
        "9998", "XX", new Code<>(LogoutType.NORMAL, "normal"), null));
  }

  @Test
  void correctedIncomingHangupDecodesWithoutPushType() {
    String path = "valid/incoming-hangup.json";
    assertDecodesTo(path, new IncomingHangup(
        header(path, "incomingHangup", "e454d40def4d47ee9d7a76aba5d6cbb7", "2000100", CALL, "2020-12-14T11:12:35Z"),
        incomingCall(CallPhase.HANGUP, "hangup", "393928840994361344")));
  }

  @Test
  void realIncomingRingDecodesWithoutPushType() {
    String path = "valid/incoming-ring.json";
    assertDecodesTo(path, new IncomingRing(
        header(path, "incomingRing", "5d0f1c2b9a8e4c7f8b6a3e2d1c0b9a87", "2000100", CALL, "2020-12-14T11:12:20Z"),
        incomingCall(CallPhase.RING, "ring", null)));
  }

  @ParameterizedTest(name = "valid/{0} is {1}")
  @CsvSource({
      "call-status-talking.json, AgentStatusChanged",
      "call-status-wrapup.json, AgentStatusChanged",
      "cdr.json, CallRecord",
      "dialout-hangup.json, OutboundHangup",
      "dialout-ring.json, OutboundRing",
      "incoming-hangup.json, IncomingHangup",
      "incoming-ring-section.json, AgentStatusChanged",
      "incoming-ring.json, IncomingRing",
      "link.json, CustomerAnswered",
      "login.json, AgentLogin",
      "logout.json, AgentLogout",
      "media-failreason.json, MediaFailReason"})
  void everyValidSampleDecodesToItsIntendedType(String name, String type) {
    PushEvent event = PushDecoder.defaults().decode(Samples.bytes("valid/" + name));

    assertThat(event.getClass().getSimpleName()).isEqualTo(type);
    assertThat(event.raw()).isEqualTo(Samples.tree("valid/" + name));
  }

  @Test
  void validSamplesAreTheSpecSamplesPlusTheRealIncomingRing() {
    assertThat(Samples.names("valid")).containsExactlyInAnyOrder(
        "call-status-talking.json", "call-status-wrapup.json", "cdr.json", "dialout-hangup.json",
        "dialout-ring.json", "incoming-hangup.json", "incoming-ring-section.json", "incoming-ring.json", "link.json",
        "login.json", "logout.json", "media-failreason.json");
    for (String name : Samples.names("spec")) {
      String valid = name.replace(".malformed", "");
      if (name.equals(valid)) {
        assertThat(Samples.bytes("valid/" + valid)).as(valid).isEqualTo(Samples.bytes("spec/" + name));
      }
    }
  }

  @Test
  void correctedIncomingHangupDiffersFromTheSpecOnlyByTheMissingComma() {
    String spec = new String(Samples.bytes("spec/incoming-hangup.malformed.json"), StandardCharsets.UTF_8);
    String valid = new String(Samples.bytes("valid/incoming-hangup.json"), StandardCharsets.UTF_8);

    assertThat(valid).isEqualTo(spec.replace("\"默认坐席\"\n", "\"默认坐席\",\n"));
  }

  private static PushEvent assertDecodesTo(String path, PushEvent expected) {
    PushEvent event = DECODER.decode(Samples.bytes(path));
    assertThat(event).usingRecursiveComparison().withStrictTypeChecking().isEqualTo(expected);
    return event;
  }

  /** The header of an event whose time is its {@code statusTime}, else when it was received. */
  private static EventHeader header(
      String path, String pushType, String eventId, String accountId, String callId, String statusTime) {
    return header(path, pushType, eventId, accountId, callId, statusTime, statusTime == null ? RECEIVED : at(statusTime));
  }

  private static EventHeader header(String path, String pushType, String eventId, String accountId, String callId,
      String statusTime, Instant time) {
    return new EventHeader(
        pushType, eventId, accountId, callId, statusTime == null ? null : at(statusTime), time, Map.of(),
        Samples.tree(path));
  }

  private static CallState dialoutCall(CallPhase phase, String rawPhase) {
    return new CallState(
        "17319132391", null, "01081400192", new Code<>(phase, rawPhase), new Code<>(CallType.DIALOUT, "dialout"),
        "20001", AGENT_NAME, null);
  }

  private static CallState incomingCall(CallPhase phase, String rawPhase, String superUniqueId) {
    return new CallState(
        "17319132391", "01080455499", null, new Code<>(phase, rawPhase), new Code<>(CallType.INCOMING, "incoming"),
        "2000", "默认坐席", superUniqueId);
  }

  private static Instant at(String iso) {
    return Instant.parse(iso);
  }
}

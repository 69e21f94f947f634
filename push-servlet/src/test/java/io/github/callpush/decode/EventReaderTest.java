package io.github.callpush.decode;

import static io.github.callpush.decode.Samples.decodeWith;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.AgentLogin;
import io.github.callpush.event.AnswerStatus;
import io.github.callpush.event.BillCall;
import io.github.callpush.event.CallRecord;
import io.github.callpush.event.CallType;
import io.github.callpush.event.CustomerAnswered;
import io.github.callpush.event.FailureReason;
import io.github.callpush.event.HangupSide;
import io.github.callpush.event.LoginType;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.event.PushEvent;
import io.github.callpush.event.RecordType;
import io.github.callpush.event.UnknownEvent;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** How a parsed payload becomes its typed event: wrapper, bill calls, codes, ids, raw JSON. */
class EventReaderTest {

  private static final String CDR = "valid/cdr.json";
  private static final String RING = "valid/dialout-ring.json";

  @Test
  void billCallWithNullTextEmptyAndMissingTrailingFieldsReadsThemAsNull() {
    CallRecord cdr = decodeWith(CallRecord.class, CDR, "billCalls", "[\"1620455972||null|customer|0108|\"]");

    BillCall call = cdr.billCalls().get(0);
    assertThat(call.startTime()).isEqualTo(Instant.parse("2021-05-08T06:39:32Z"));
    assertThat(call.answerTime()).isNull();
    assertThat(call.endTime()).isNull();
    assertThat(call.side()).isEqualTo("customer");
    assertThat(call.callerNumber()).as("leading zero kept").isEqualTo("0108");
    assertThat(Arrays.asList(call.calleeNumber(), call.agentNumber(), call.lineType(), call.callerCountryCode(),
        call.callerAreaCode(), call.callerCity(), call.calleeCountryCode(), call.calleeAreaCode(), call.calleeCity(),
        call.billingType(), call.loginType())).containsOnlyNulls();
    assertThat(call.fields()).containsExactly("1620455972", "", "null", "customer", "0108", "");
  }

  @Test
  void billCallKeepsFieldsBeyondTheSixteenth() {
    String entry = "a|b|c|agent|e|f|g|h|i|j|k|l|m|n|o|SIP|extra1|extra2";
    CallRecord cdr = decodeWith(CallRecord.class, CDR, "billCalls", "[\"" + entry + "\"]");

    BillCall call = cdr.billCalls().get(0);
    assertThat(call.loginType()).isEqualTo("SIP");
    assertThat(call.startTime()).as("not a time").isNull();
    assertThat(call.fields()).hasSize(18).endsWith("extra1", "extra2");
  }

  @Test
  void billCallsSentAsOneStringIsOneBillCall() {
    CallRecord cdr = decodeWith(CallRecord.class, CDR, "billCalls", "\"2021-05-08 14:39:32|x|y|agent\"");

    assertThat(cdr.billCalls()).singleElement()
        .satisfies(call -> assertThat(call.startTime()).isEqualTo(Instant.parse("2021-05-08T06:39:32Z")))
        .satisfies(call -> assertThat(call.side()).isEqualTo("agent"));
  }

  @Test
  void billCallsSkipsEmptyEntries() {
    CallRecord cdr = decodeWith(CallRecord.class, CDR, "billCalls", "[\"\", null, \"a|b|c|agent\", \"   \"]");

    assertThat(cdr.billCalls()).extracting(BillCall::side).containsExactly("agent");
  }

  @Test
  void unknownCodesAreKeptRaw() {
    CallRecord cdr = decodeWith(CallRecord.class, CDR,
        "callType", "\"predictiveDialout\"", "status", "\"VOICEMAIL_LEFT\"", "hangUpSide", "\"ROBOT\"",
        "failureReason", "\"busyHere\"", "recordType", "\"stereo\"", "loginType", "\"APP\"");

    assertThat(cdr.callType().isOther()).isTrue();
    assertThat(cdr.callType().value()).isEqualTo(CallType.OTHER);
    assertThat(cdr.callType().raw()).isEqualTo("predictiveDialout");
    assertThat(cdr.status().value()).isEqualTo(AnswerStatus.OTHER);
    assertThat(cdr.status().raw()).isEqualTo("VOICEMAIL_LEFT");
    assertThat(cdr.hangupSide().value()).isEqualTo(HangupSide.OTHER);
    assertThat(cdr.hangupSide().raw()).isEqualTo("ROBOT");
    assertThat(cdr.failureReason().value()).isEqualTo(FailureReason.OTHER);
    assertThat(cdr.failureReason().raw()).isEqualTo("busyHere");
    assertThat(cdr.recording().type().value()).isEqualTo(RecordType.OTHER);
    assertThat(cdr.recording().type().raw()).isEqualTo("stereo");
    assertThat(cdr.agent().loginType().value()).isEqualTo(LoginType.OTHER);
    assertThat(cdr.agent().loginType().raw()).isEqualTo("APP");
  }

  @Test
  void spelledFailureReasonIsKnown() {
    CallRecord cdr = decodeWith(CallRecord.class, CDR, "failureReason", "\"unknow\"");

    assertThat(cdr.failureReason().value()).isEqualTo(FailureReason.UNKNOW);
  }

  @Test
  void unknownFieldsAreReadableThroughRaw() {
    CallRecord cdr = decodeWith(CallRecord.class, CDR, "brandNew", "{\"level\":[1,\"two\"]}");

    assertThat(cdr.raw().path("brandNew").path("level").get(1).textValue()).isEqualTo("two");
    assertThat(cdr.raw().get("applicationId").textValue()).as("undocumented field of the spec's example").isEmpty();
  }

  @Test
  void unknownPushTypeIsAnUnknownEventWithItsHeader() {
    PushEvent event = decodeWith(RING, "pushType", "\"transferRing\"");

    assertThat(event).isInstanceOf(UnknownEvent.class);
    assertThat(event.pushType()).isEqualTo("transferRing");
    assertThat(event.eventId()).isEqualTo("8757e994f19040749c5b194faaf21c78");
    assertThat(event.accountId()).isEqualTo("20000153");
    assertThat(event.callId()).isEqualTo("403344537650466816");
    assertThat(event.statusTime()).isEqualTo(Instant.parse("2021-05-08T06:39:37Z"));
    assertThat(event.raw().get("agentName").textValue()).isEqualTo("sc的坐席");
  }

  @Test
  void pushTypeIsKeptAsSent() {
    PushEvent event = decodeWith(CDR, "pushType", "\"CDR\"");

    assertThat(event).isInstanceOf(CallRecord.class);
    assertThat(event.pushType()).isEqualTo("CDR");
  }

  @Test
  void recordIdIsUnderscoreIdElseId() {
    assertThat(decodeWith(CallRecord.class, CDR, "_id", "\"a1\"", "id", "\"7\"").recordId()).isEqualTo("a1");
    assertThat(decodeWith(CallRecord.class, CDR, "id", "7").recordId()).isEqualTo("7");
  }

  @Test
  void areaCodeIsReadInEitherSpelling() {
    CallRecord cdr = decodeWith(CallRecord.class, CDR,
        "agentAreaCode", "null", "agentAreacode", "\"021\"",
        "customerAreaCode", "\"\"", "customerAreacode", "\"0755\"");

    assertThat(cdr.agent().location().areaCode()).isEqualTo("021");
    assertThat(cdr.customer().location().areaCode()).isEqualTo("0755");
  }

  @Test
  void satisfyKeysAreAListOrACommaSeparatedString() {
    assertThat(decodeWith(CallRecord.class, CDR, "satisfyKeys", "[\"1\", \"2\"]").satisfaction().keys())
        .containsExactly("1", "2");
    assertThat(decodeWith(CallRecord.class, CDR, "satisfyKeys", "\"1,2, ,3 \"").satisfaction().keys())
        .containsExactly("1", "2", "3");
    assertThat(decodeWith(CallRecord.class, CDR, "satisfyKeys", "[]").satisfaction().keys()).isEmpty();
  }

  @Test
  void wrapperContentSentAsJsonStringIsUnwrapped() {
    byte[] body = Samples.utf8(
        "{\"content\":\"{\\\"accountId\\\":\\\"2100147\\\",\\\"callEvent\\\":\\\"link\\\"}\",\"uniqueId\":\"u-1\"}");

    PushEvent event = PushDecoder.defaults().decode(body);

    assertThat(event).isInstanceOf(CustomerAnswered.class);
    assertThat(event.accountId()).isEqualTo("2100147");
    assertThat(event.eventId()).isEqualTo("u-1");
    assertThat(event.raw()).isEqualTo(Samples.parse(body));
  }

  @Test
  void eventUniqueIdInsideTheWrapperWinsOverItsUniqueId() {
    PushEvent event = PushDecoder.defaults().decode(Samples.utf8(
        "{\"content\":{\"eventUniqueId\":\"inner\",\"callEvent\":\"link\"},\"uniqueId\":\"outer\"}"));

    assertThat(event.eventId()).isEqualTo("inner");
  }

  @Test
  void pushTypeOutsideTheWrapperIsUsed() {
    PushEvent event = PushDecoder.defaults().decode(Samples.utf8(
        "{\"pushType\":\"login\",\"content\":{\"agentNumber\":\"9998\"},\"uniqueId\":\"u\"}"));

    assertThat(event).isInstanceOfSatisfying(AgentLogin.class,
        login -> assertThat(login.agentNumber()).isEqualTo("9998"));
  }

  @Test
  void contentThatIsNoObjectIsNoWrapper() {
    PushEvent event = PushDecoder.defaults().decode(Samples.utf8(
        "{\"content\":\"hello\",\"uniqueId\":\"u\",\"callEvent\":\"ring\",\"callType\":\"dialout\"}"));

    assertThat(event).isInstanceOf(OutboundRing.class);
    assertThat(event.eventId()).as("uniqueId only names a wrapped event").isNull();
  }
}

package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.CallPhase;
import io.github.callpush.event.CallSheet;
import io.github.callpush.event.CallSheetEvent;
import io.github.callpush.event.CallSheetHangup;
import io.github.callpush.event.CallSheetLink;
import io.github.callpush.event.CallSheetResult;
import io.github.callpush.event.CallSheetRing;
import io.github.callpush.event.CallSheetState;
import io.github.callpush.event.CallSheetType;
import io.github.callpush.event.CallType;
import io.github.callpush.event.PushEvent;
import io.github.callpush.event.UnknownEvent;
import io.github.callpush.event.WebcallOutcome;
import io.github.callpush.event.WebcallResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The older call-event push and the webcall callback, decoded from their form parameters. */
class FormPushDecodingTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final Instant RECEIVED = Instant.parse("2026-12-05T09:00:00Z");
  private static final PushDecoder DECODER = PushDecoder.builder().clock(Clock.fixed(RECEIVED, ZoneOffset.UTC)).build();
  private static final String INCOMING = "CallNo=13812345678&CalledNo=4008001234&CallSheetID=cs-9&CallID=leg-2"
      + "&CallType=normal&Ring=2026-12-05+16%3A20%3A01&RingingDate=2026-12-05+16%3A20%3A05"
      + "&QueueTime=2026-12-05+16%3A20%3A03&Agent=8001&Exten=8001&AgentName=%E5%BC%A0%E4%B8%89&Queue=sales"
      + "&IVRKEY=10004%400-10005%401&Province=%E5%8C%97%E4%BA%AC&District=%E5%8C%97%E4%BA%AC&AccountId=N000001"
      + "&AccountName=acme&ActionID=&WebcallActionID=&DialoutStrVar=&refCallSheetId=&MonitorFilename=";

  private static PushEvent decode(String form) {
    return DECODER.decode(form.getBytes(StandardCharsets.UTF_8), FORM);
  }

  @ParameterizedTest(name = "CallState={0} is {1}")
  @CsvSource({
      "Ring, CallSheetRing, RING, RING, 2026-12-05T08:20:01Z",
      "Ringing, CallSheetRing, RINGING, RING, 2026-12-05T08:20:05Z",
      "Link, CallSheetLink, LINK, LINK, 2026-12-05T08:20:09Z",
      "Hangup, CallSheetHangup, HANGUP, HANGUP, 2026-12-05T08:21:40Z",
      "Unlink, CallSheetHangup, UNLINK, HANGUP, 2026-12-05T08:21:40Z"})
  void everyCallStateIsItsTypeWithTheTimeOfThatState(
      String state, String type, CallSheetState sheetState, CallPhase phase, Instant time) {
    PushEvent event = decode(INCOMING + "&Begin=2026-12-05+16%3A20%3A09&End=2026-12-05+16%3A21%3A40&CallState=" + state);

    assertThat(event.getClass().getSimpleName()).isEqualTo(type);
    CallSheetEvent sheetEvent = (CallSheetEvent) event;
    assertThat(sheetEvent.sheet().callState().value()).isEqualTo(sheetState);
    assertThat(sheetEvent.sheet().callState().raw()).isEqualTo(state);
    assertThat(sheetEvent.call().phase().value()).isEqualTo(phase);
    assertThat(sheetEvent.call().phase().raw()).isEqualTo(state);
    assertThat(event.statusTime()).isEqualTo(time);
    assertThat(event.time()).isEqualTo(time);
    assertThat(event.eventId()).isEqualTo("callsheet:cs-9:leg-2:" + state);
  }

  @Test
  void everyParameterIsTyped() {
    CallSheetRing ring = (CallSheetRing) decode(INCOMING + "&CallState=Ringing&CdrVar=__orderId%3A42%2Cplain%3Aa%3Ab");
    CallSheet sheet = ring.sheet();

    assertThat(ring.pushType()).isEqualTo("callSheetRing");
    assertThat(ring.accountId()).isEqualTo("N000001");
    assertThat(ring.callId()).isEqualTo("cs-9");
    assertThat(sheet.callSheetId()).isEqualTo("cs-9");
    assertThat(sheet.channelCallId()).isEqualTo("leg-2");
    assertThat(sheet.callType().value()).isEqualTo(CallSheetType.NORMAL);
    assertThat(sheet.callingNumber()).isEqualTo("13812345678");
    assertThat(sheet.calledNumber()).isEqualTo("4008001234");
    assertThat(sheet.customerNumber()).isEqualTo("13812345678");
    assertThat(sheet.agentNumber()).isEqualTo("8001");
    assertThat(sheet.extension()).isEqualTo("8001");
    assertThat(sheet.agentName()).isEqualTo("张三");
    assertThat(sheet.queue()).isEqualTo("sales");
    assertThat(sheet.ivrKeys()).isEqualTo("10004@0-10005@1");
    assertThat(sheet.province()).isEqualTo("北京");
    assertThat(sheet.district()).isEqualTo("北京");
    assertThat(sheet.accountName()).isEqualTo("acme");
    assertThat(sheet.times()).isEqualTo(new CallSheet.Times(Instant.parse("2026-12-05T08:20:01Z"),
        Instant.parse("2026-12-05T08:20:05Z"), Instant.parse("2026-12-05T08:20:03Z"), null, null));
    assertThat(sheet.actionId()).as("empty is absent").isNull();
    assertThat(sheet.transferredFromCallSheetId()).isNull();
    assertThat(sheet.recording()).isEqualTo(new CallSheet.Recording(null, null, null, null));
    assertThat(ring.extras()).containsExactly(
        org.assertj.core.api.Assertions.entry("orderId", "42"), org.assertj.core.api.Assertions.entry("plain", "a:b"));
    assertThat(ring.raw().get("CdrVar").textValue()).isEqualTo("__orderId:42,plain:a:b");
  }

  @Test
  void anIncomingCallsCustomerIsTheCallerAndTheTrunkTheCalledNumber() {
    CallSheetRing ring = (CallSheetRing) decode(INCOMING + "&CallState=Ring");

    assertThat(ring.call().customerNumber()).isEqualTo("13812345678");
    assertThat(ring.call().trunkNumber()).isEqualTo("4008001234");
    assertThat(ring.call().displayNumber()).isNull();
    assertThat(ring.call().callType().value()).isEqualTo(CallType.INCOMING);
    assertThat(ring.call().callType().raw()).isEqualTo("normal");
    assertThat(ring.call().agentNumber()).isEqualTo("8001");
  }

  @Test
  void anOutboundCallsCustomerIsTheCalledNumberAndTheDisplayTheCaller() {
    CallSheetLink link = (CallSheetLink) decode(
        "CallNo=01081400192&CalledNo=17319132391&CallSheetID=cs-1&CallID=leg-1&CallType=dialout&CallState=Link"
            + "&Begin=1733386809&Exten=8002");

    assertThat(link.call().customerNumber()).isEqualTo("17319132391");
    assertThat(link.call().displayNumber()).isEqualTo("01081400192");
    assertThat(link.call().trunkNumber()).isNull();
    assertThat(link.call().callType().value()).isEqualTo(CallType.DIALOUT);
    assertThat(link.sheet().agentNumber()).as("Exten when Agent is absent").isEqualTo("8002");
    assertThat(link.time()).as("unix seconds are read too").isEqualTo(Instant.ofEpochSecond(1733386809));
  }

  @Test
  void aTransferPointsToTheCallBefore() {
    CallSheetRing ring = (CallSheetRing) decode(
        "CallNo=13812345678&CallSheetID=cs-2&refCallSheetId=cs-1&CallID=leg-3&CallType=transfer&CallState=Ringing");

    assertThat(ring.sheet().transferredFromCallSheetId()).isEqualTo("cs-1");
    assertThat(ring.call().superUniqueId()).isEqualTo("cs-1");
    assertThat(ring.sheet().callType().value().isIncoming()).isTrue();
  }

  @Test
  void aHangupCarriesTheResultAndTheRecordingAndReadsTwiceEncodedTimes() {
    // INCOMING already has an empty MonitorFilename: a repeated parameter is read as its first non-empty value
    CallSheetHangup hangup = (CallSheetHangup) decode(INCOMING + "&CallState=Hangup&State=queueLeak"
        + "&Begin=2026-12-05%2B16%253A20%253A09&End=2026-12-05%252016%253A21%253A40"
        + "&FileServer=https%3A%2F%2Frec.example.com%2F&RecordFile=%2Fa%2Fb.mp3&MonitorFilename=m.wav");

    assertThat(hangup.sheet().result().value()).isEqualTo(CallSheetResult.QUEUE_LEAK);
    assertThat(hangup.sheet().times().begin()).isEqualTo(Instant.parse("2026-12-05T08:20:09Z"));
    assertThat(hangup.sheet().times().end()).isEqualTo(Instant.parse("2026-12-05T08:21:40Z"));
    assertThat(hangup.sheet().recording()).isEqualTo(
        new CallSheet.Recording("https://rec.example.com/a/b.mp3", "https://rec.example.com/", "/a/b.mp3", "m.wav"));
    assertThat(hangup.raw().get("MonitorFilename")).extracting(node -> node.textValue()).containsExactly("", "m.wav");
  }

  @Test
  void aPushWithoutCallStateButWithAnEndIsTheCallsHangup() {
    PushEvent event = decode(INCOMING + "&End=2026-12-05+16%3A21%3A40&State=dealing");

    assertThat(event).isInstanceOf(CallSheetHangup.class);
    assertThat(event.eventId()).isEqualTo("callsheet:cs-9:leg-2:");
    assertThat(((CallSheetHangup) event).sheet().callState()).isNull();
  }

  @Test
  void anUnknownCallStateIsAnUnknownEventThatKeepsEveryParameter() {
    PushEvent event = decode(INCOMING + "&CallState=Consult");

    assertThat(event).isInstanceOf(UnknownEvent.class);
    assertThat(event.pushType()).isNull();
    assertThat(event.callId()).isEqualTo("cs-9");
    assertThat(event.raw().get("CallState").textValue()).isEqualTo("Consult");
    assertThat(event.time()).as("the latest time it carries").isEqualTo(Instant.parse("2026-12-05T08:20:05Z"));
  }

  @Test
  void withoutCallSheetIdThereIsNoEventIdAndTheReceiverHashesTheForm() {
    PushEvent event = decode("CallNo=13812345678&CallState=Ring");

    assertThat(event).isInstanceOf(CallSheetRing.class);
    assertThat(event.eventId()).isNull();
    assertThat(event.time()).as("no time sent: when it was received").isEqualTo(RECEIVED);
  }

  @ParameterizedTest(name = "Message={0} is {1}")
  @CsvSource({"4, ANSWERED", "0, BUSY_OR_FAILED", "8, BUSY_OR_FAILED", "3, NOT_ANSWERED", "5, INSUFFICIENT_BALANCE",
      "9, OTHER"})
  void webcallCallbackMessages(String message, WebcallOutcome outcome) {
    WebcallResult result = (WebcallResult) decode("actionid=a-1&Message=" + message);

    assertThat(result.actionId()).isEqualTo("a-1");
    assertThat(result.outcome().value()).isEqualTo(outcome);
    assertThat(result.outcome().raw()).isEqualTo(message);
    assertThat(result.pushType()).isEqualTo("webcallResult");
    assertThat(result.eventId()).isEqualTo("webcall:a-1:" + message);
    assertThat(result.time()).isEqualTo(RECEIVED);
  }

  @Test
  void aFormOfNoKnownPushIsAnUnknownEvent() {
    PushEvent event = decode("hello=world");

    assertThat(event).isInstanceOf(UnknownEvent.class);
    assertThat(event.raw().get("hello").textValue()).isEqualTo("world");
    assertThat(event.time()).isEqualTo(RECEIVED);
  }
}

package io.github.callpush.decode;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.event.PushEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Which event a payload is: its {@code pushType} when sent, else its shape. */
class EventTypeTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '=', quoteCharacter = '`', value = {
      "{'statusNumber':'3','callEvent':'ring','callType':'incoming','cdrType':'x'} = AGENT_STATUS",
      "{'statusNumber':104} = AGENT_STATUS",
      "{'preMediaFailureReason':'onThePhone','callEvent':'hangup','callType':'dialout'} = MEDIA_FAIL_REASON",
      "{'preMediaCode':15} = MEDIA_FAIL_REASON",
      "{'cdrType':'callRecord','callEvent':'hangup','callType':'dialout'} = CALL_RECORD",
      "{'billCalls':['a|b']} = CALL_RECORD",
      "{'hangUpSide':'AGENT','callEvent':'ring','callType':'incoming'} = CALL_RECORD",
      "{'callEvent':'link','callType':'dialout'} = CUSTOMER_ANSWERED",
      "{'callEvent':'link','callType':'incoming'} = CUSTOMER_ANSWERED",
      "{'callEvent':'link'} = CUSTOMER_ANSWERED",
      "{'callEvent':'ring','callType':'incoming'} = INCOMING_RING",
      "{'callEvent':'RING','callType':'Incoming'} = INCOMING_RING",
      "{'callEvent':'ring','callType':'dialout'} = OUTBOUND_RING",
      "{'callEvent':'ring','callType':'webcall'} = OUTBOUND_RING",
      "{'callEvent':'ring','callType':'previewDialout'} = OUTBOUND_RING",
      "{'callEvent':'ring','callType':'auto_dialout'} = OUTBOUND_RING",
      "{'callEvent':'hangup','callType':'incoming'} = INCOMING_HANGUP",
      "{'callEvent':'hangup','callType':'dialout'} = OUTBOUND_HANGUP",
      "{'callEvent':'hangup','callType':'autoDialout'} = OUTBOUND_HANGUP",
      "{'callEvent':'ring'} = UNKNOWN",
      "{'callEvent':'hangup','callType':''} = UNKNOWN",
      "{'callEvent':'ring','callType':'predictiveDialout'} = UNKNOWN",
      "{'callEvent':'calling','callType':'dialout'} = UNKNOWN",
      "{'callEvent':'transfer','callType':'incoming'} = UNKNOWN",
      "{'statusNumber':'','preMediaCode':'','cdrType':'','callEvent':'ring','callType':'dialout'} = OUTBOUND_RING",
      "{'logoutType':'normal','loginType':'PSTN'} = LOGOUT",
      "{'loginType':'PSTN'} = LOGIN",
      "{'accountId':'2000103','agentNumber':'9998'} = UNKNOWN",
      "{} = UNKNOWN"})
  void payloadWithoutPushTypeIsClassifiedByShape(String payload, EventType expected) {
    assertThat(EventType.classify(null, fields(payload))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = EventType.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
  void sentPushTypeWinsOverShape(EventType kind) {
    PayloadFields shapedLikeOtherKinds = fields("{'cdrType':'callRecord','statusNumber':'1','loginType':'SIP'}");

    assertThat(EventType.classify(kind.pushType, shapedLikeOtherKinds)).isEqualTo(kind);
  }

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"CDR, CALL_RECORD", "DialoutRing, OUTBOUND_RING", "mediafailreason, MEDIA_FAIL_REASON",
      "transferRing, UNKNOWN", "dialout_ring, UNKNOWN", "' cdr', UNKNOWN"})
  void pushTypeIsMatchedIgnoringCaseOnly(String pushType, EventType expected) {
    assertThat(EventType.classify(pushType, fields("{'cdrType':'callRecord'}"))).isEqualTo(expected);
  }

  @Test
  void classifiedPayloadGetsTheCanonicalPushType() {
    PushEvent event =
        PushDecoder.defaults().decode(Samples.utf8("{\"callEvent\":\"hangup\",\"callType\":\"incoming\"}"));

    assertThat(event.pushType()).isEqualTo("incomingHangup");
  }

  @Test
  void unclassifiablePayloadHasNoPushType() {
    PushEvent event = PushDecoder.defaults().decode(Samples.utf8("{\"accountId\":\"1\"}"));

    assertThat(event.pushType()).isNull();
  }

  @Test
  void emptyPushTypeMeansAbsent() {
    PushEvent event = PushDecoder.defaults().decode(
        Samples.utf8("{\"pushType\":\"\",\"callEvent\":\"ring\",\"callType\":\"incoming\"}"));

    assertThat(event.pushType()).isEqualTo("incomingRing");
  }

  private static PayloadFields fields(String singleQuotedJson) {
    JsonSource json = new JsonSource(new LocalTimes(PushDecoder.DEFAULT_ZONE), 32, 1 << 20, 64);
    Members members = json.scan(singleQuotedJson.replace('\'', '"')).members();
    return new PayloadFields(members, new LocalTimes(PushDecoder.DEFAULT_ZONE), json);
  }
}

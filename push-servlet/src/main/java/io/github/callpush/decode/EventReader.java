package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.github.callpush.event.CustomerAnswered;
import io.github.callpush.event.EventHeader;
import io.github.callpush.event.FailureReason;
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
import io.github.callpush.event.UnknownEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns one parsed payload into its typed event. */
final class EventReader {

  private final LocalTimes times;
  private final JsonSource json;

  EventReader(JsonSource json) {
    this.times = json.times();
    this.json = json;
  }

  /**
   * The event of a JSON body: {@code root} its top-level members, {@code raw} the whole body as the event shows
   * it; {@code receivedAt} is the time of one that carries none.
   */
  PushEvent read(Members root, ObjectNode raw, Instant receivedAt) {
    Members payload = root;
    String wrapperId = null;
    Members content = isWrapper(root) ? root.object("content") : null;
    if (content != null) {
      payload = content;
      wrapperId = PayloadFields.textOf(root.get("uniqueId"));
    }
    PayloadFields fields = new PayloadFields(payload, times, json);
    String sentPushType = firstNonNull(fields.text("pushType"), PayloadFields.textOf(root.get("pushType")));
    EventType type = EventType.classify(sentPushType, fields);
    Instant statusTime = fields.instant("statusTime");
    EventHeader header = new EventHeader(
        sentPushType != null ? sentPushType : type.pushType,
        firstNonNull(fields.text("eventUniqueId"), wrapperId),
        fields.text("accountId"),
        firstNonNull(fields.text("callUniqueId"), fields.text("superUniqueId")),
        statusTime,
        firstNonNull(statusTime, type == EventType.CALL_RECORD ? recordTime(fields, receivedAt) : receivedAt),
        fields.map("extras"),
        raw);
    return switch (type) {
      case OUTBOUND_RING -> new OutboundRing(header, callState(fields));
      case OUTBOUND_HANGUP -> new OutboundHangup(
          header, callState(fields), fields.strings("groupIdList"), fields.strings("groupNameList"));
      case INCOMING_RING -> new IncomingRing(header, callState(fields));
      case INCOMING_HANGUP -> new IncomingHangup(header, callState(fields));
      case CUSTOMER_ANSWERED -> new CustomerAnswered(header, callState(fields));
      case AGENT_STATUS -> agentStatus(header, fields);
      case CALL_RECORD -> callRecord(header, fields);
      case MEDIA_FAIL_REASON -> new MediaFailReason(
          header, fields.text("agentNumber"), fields.text("preMediaFailureReason"), fields.integer("preMediaCode"),
          fields.text("preMediaKeyWord"), segments(root));
      case LOGIN -> new AgentLogin(
          header, fields.text("agentNumber"), fields.text("agentName"), fields.code("loginType", LoginType.class),
          fields.code("offlineType", LoginType.class));
      case LOGOUT -> new AgentLogout(
          header, fields.text("agentNumber"), fields.text("agentName"), fields.code("logoutType", LogoutType.class),
          fields.code("offlineType", LoginType.class));
      case UNKNOWN -> new UnknownEvent(header);
    };
  }

  /**
   * Whether {@code content} wraps the event ({@code link}: {@code {"content":{...},"uniqueId":...}}) rather than
   * being a field of it ({@code mediaFailreason}'s {@code content.segments}): a wrapper has no account or event
   * id of its own.
   */
  private static boolean isWrapper(Members root) {
    return !root.hasNonNull("accountId") && !root.hasNonNull("eventUniqueId");
  }

  /** The time of a call record: its {@code createTime}, else {@code saveTime}, {@code endTime}, {@code hangupTime}. */
  private static Instant recordTime(PayloadFields fields, Instant receivedAt) {
    for (String name : new String[] {"createTime", "saveTime", "endTime", "hangupTime"}) {
      Instant time = fields.instant(name);
      if (time != null) {
        return time;
      }
    }
    return receivedAt;
  }

  /** {@code content.segments} of a {@code mediaFailreason} (also accepted at the top level). */
  private List<MediaFailReason.Segment> segments(Members root) {
    Members content = root.object("content");
    Object member = content != null ? content.get("segments") : root.get("segments");
    if (!(member instanceof ArrayNode segments)) {
      return List.of();
    }
    List<MediaFailReason.Segment> read = new ArrayList<>(segments.size());
    for (JsonNode segment : segments) {
      if (segment instanceof ObjectNode object) {
        PayloadFields fields = new PayloadFields(Members.of(object, json), times, json);
        read.add(new MediaFailReason.Segment(millis(fields.integer("beginTime")), millis(fields.integer("endTime")),
            fields.integer("channelId"), fields.text("text")));
      }
    }
    return read;
  }

  private static Duration millis(Integer millis) {
    return millis == null ? null : Duration.ofMillis(millis);
  }

  private static CallState callState(PayloadFields fields) {
    return new CallState(
        fields.text("customerNumber"),
        fields.text("trunkNumber"),
        fields.text("displayNumber"),
        fields.code("callEvent", CallPhase.class),
        fields.code("callType", CallType.class),
        fields.text("agentNumber"),
        fields.text("agentName"),
        fields.text("superUniqueId"));
  }

  private static AgentStatusChanged agentStatus(EventHeader header, PayloadFields fields) {
    Integer statusNumber = fields.integer("statusNumber");
    return new AgentStatusChanged(
        header, callState(fields), statusNumber, AgentStatus.ofNumber(statusNumber), fields.text("statusName"));
  }

  private CallRecord callRecord(EventHeader header, PayloadFields fields) {
    return new CallRecord(
        header,
        firstNonNull(fields.text("_id"), fields.text("id")),
        fields.text("id"),
        fields.text("uniqueId"),
        fields.text("applicationId"),
        fields.text("cdrType"),
        fields.code("callType", CallType.class),
        fields.code("status", AnswerStatus.class),
        fields.code("hangUpSide", HangupSide.class),
        fields.code("failureReason", FailureReason.class),
        fields.integer("sipCode"),
        fields.text("callId"),
        fields.text("relativeCallUniqueId"),
        new CallRecord.Customer(
            fields.text("customerNumber"), fields.text("customerNumberType"), fields.text("customerId"),
            fields.text("customerName"),
            location(fields, "customerCountryCode", "customerCountry", "customerProvince", "customerCity",
                firstNonNull(fields.text("customerAreaCode"), fields.text("customerAreacode")))),
        new CallRecord.Agent(
            fields.text("agentNumber"), fields.text("agentName"), fields.text("agentId"),
            fields.text("agentTelNumber"), fields.text("agentTelType"), fields.code("loginType", LoginType.class),
            location(fields, "agentCountryCode", "agentCountry", "agentProvince", "agentCity",
                firstNonNull(fields.text("agentAreaCode"), fields.text("agentAreacode")))),
        new CallRecord.Times(
            fields.instant("startTime"), fields.instant("ivrTime"), fields.instant("joinQueueTime"),
            fields.instant("agentStartTime"), fields.instant("agentAnswerTime"), fields.instant("customerStartTime"),
            fields.instant("customerAnswerTime"), fields.instant("systemAnswerTime"), fields.instant("bridgeTime"),
            fields.instant("hangupTime"), fields.instant("endTime"), fields.instant("createTime"),
            fields.instant("saveTime")),
        new CallRecord.Durations(
            fields.integer("totalDuration"), fields.integer("bridgeDuration"), fields.integer("agentRingDuration"),
            fields.integer("customerRingDuration"), fields.integer("waitDuration"),
            fields.integer("playNumberDuration"), fields.integer("recordingDuration"),
            fields.integer("satisfyDuration")),
        new CallRecord.Recording(
            fields.code("recordType", RecordType.class), fields.text("recordFileUrl"), fields.text("agentFileUrl"),
            fields.text("customerFileUrl"), fields.text("doubleTrackFileUrl"), fields.text("voiceMailUrl")),
        new CallRecord.Routing(
            fields.text("trunkNumber"), fields.text("displayNumber"), fields.text("virtualNumber"),
            fields.text("hotLineNumber"), fields.text("ivrId"), fields.text("ivrName"), fields.text("queueNumber"),
            fields.text("queueName"), fields.text("gatewayIP"), fields.text("taskId"), fields.text("actionId"),
            fields.text("matchResult")),
        new CallRecord.Satisfaction(
            fields.text("satisfyIvrId"), satisfyKeys(fields), fields.instant("satisfyStartTime"),
            fields.instant("satisfyEndTime")),
        billCalls(fields.strings("billCalls")),
        fields.strings("groupIdList"),
        fields.strings("groupNameList"));
  }

  private static CallRecord.Location location(
      PayloadFields fields, String countryCode, String country, String province, String city, String areaCode) {
    return new CallRecord.Location(
        fields.text(countryCode), fields.text(country), fields.text(province), fields.text(city), areaCode);
  }

  private static List<String> satisfyKeys(PayloadFields fields) {
    List<String> keys = new ArrayList<>();
    for (String entry : fields.strings("satisfyKeys")) {
      for (String key : entry.split(",", -1)) {
        if (!key.isBlank()) {
          keys.add(key.trim());
        }
      }
    }
    return keys;
  }

  private List<BillCall> billCalls(List<String> entries) {
    List<BillCall> calls = new ArrayList<>(entries.size());
    for (String entry : entries) {
      calls.add(billCall(splitAtBars(entry)));
    }
    return calls;
  }

  private BillCall billCall(String[] fields) {
    return new BillCall(
        time(field(fields, 0)), time(field(fields, 1)), time(field(fields, 2)), field(fields, 3), field(fields, 4),
        field(fields, 5), field(fields, 6), field(fields, 7), field(fields, 8), field(fields, 9), field(fields, 10),
        field(fields, 11), field(fields, 12), field(fields, 13), field(fields, 14), field(fields, 15),
        List.of(fields));
  }

  /** Field {@code i} of a bill call, trimmed; null when missing, empty or {@code "null"}. */
  private static String field(String[] fields, int i) {
    if (i >= fields.length) {
      return null;
    }
    String value = fields[i].trim();
    return value.isEmpty() || "null".equals(value) ? null : value;
  }

  /** {@code entry.split("\\|", -1)} without the intermediate list: a call record has a few of these. */
  private static String[] splitAtBars(String entry) {
    int count = 1;
    for (int bar = entry.indexOf('|'); bar >= 0; bar = entry.indexOf('|', bar + 1)) {
      count++;
    }
    String[] fields = new String[count];
    int start = 0;
    for (int i = 0; i < count - 1; i++) {
      int bar = entry.indexOf('|', start);
      fields[i] = entry.substring(start, bar);
      start = bar + 1;
    }
    fields[count - 1] = entry.substring(start);
    return fields;
  }

  private Instant time(String text) {
    return text == null ? null : PayloadFields.instant(text, times);
  }

  private static <T> T firstNonNull(T first, T second) {
    return first != null ? first : second;
  }
}

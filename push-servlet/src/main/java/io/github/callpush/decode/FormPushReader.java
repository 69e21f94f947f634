package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.callpush.event.CallPhase;
import io.github.callpush.event.CallSheet;
import io.github.callpush.event.CallSheetHangup;
import io.github.callpush.event.CallSheetLink;
import io.github.callpush.event.CallSheetResult;
import io.github.callpush.event.CallSheetRing;
import io.github.callpush.event.CallSheetState;
import io.github.callpush.event.CallSheetType;
import io.github.callpush.event.CallState;
import io.github.callpush.event.CallType;
import io.github.callpush.event.Code;
import io.github.callpush.event.EventHeader;
import io.github.callpush.event.PushEvent;
import io.github.callpush.event.UnknownEvent;
import io.github.callpush.event.WebcallOutcome;
import io.github.callpush.event.WebcallResult;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns the parameters of the older call-event push ({@code CallSheetID}, {@code CallState}, ...) and of the
 * webcall callback ({@code actionid}, {@code Message}) into typed events.
 */
final class FormPushReader {

  static final String RING = "callSheetRing";
  static final String LINK = "callSheetLink";
  static final String HANGUP = "callSheetHangup";
  static final String WEBCALL = "webcallResult";

  private final LocalTimes times;
  private final JsonSource json;

  FormPushReader(JsonSource json) {
    this.times = json.times();
    this.json = json;
  }

  PushEvent read(ObjectNode form, Instant receivedAt) {
    PayloadFields fields = new PayloadFields(Members.of(firstValues(form), json), times, json);
    String callSheetId = fields.text("CallSheetID");
    Code<CallSheetState> state = fields.code("CallState", CallSheetState.class);
    if (callSheetId != null || state != null || fields.has("CallNo") || fields.has("CalledNo")) {
      return callSheetEvent(form, fields, callSheetId, state, receivedAt);
    }
    String actionId = firstPresent(fields, "actionid", "actionId", "ActionID");
    String message = fields.text("Message");
    if (actionId != null && message != null) {
      EventHeader header = new EventHeader(WEBCALL, "webcall:" + actionId + ":" + message, fields.text("AccountId"),
          null, null, receivedAt, Map.of(), form);
      return new WebcallResult(header, actionId, WebcallOutcome.ofMessage(message));
    }
    return new UnknownEvent(new EventHeader(null, null, fields.text("AccountId"), null, null, receivedAt, Map.of(),
        form));
  }

  private PushEvent callSheetEvent(
      ObjectNode form, PayloadFields fields, String callSheetId, Code<CallSheetState> state, Instant receivedAt) {
    CallSheet sheet = sheet(fields, callSheetId, state);
    CallSheet.Times when = sheet.times();
    // no CallState: the hangup push some accounts get once a call ended
    CallSheetState known = state != null ? state.value()
        : when.end() != null ? CallSheetState.HANGUP : CallSheetState.OTHER;
    Instant statusTime = switch (known) {
      case RING -> when.ring();
      case RINGING -> firstNonNull(when.ringing(), when.ring());
      case LINK -> when.begin();
      case HANGUP, UNLINK -> when.end();
      case OTHER -> null;
    };
    String rawState = state == null ? "" : state.raw();
    String eventId = callSheetId == null ? null
        : "callsheet:" + callSheetId + ":" + nullToEmpty(sheet.channelCallId()) + ":" + rawState;
    String pushType = switch (known) {
      case RING, RINGING -> RING;
      case LINK -> LINK;
      case HANGUP, UNLINK -> HANGUP;
      case OTHER -> null;
    };
    EventHeader header = new EventHeader(pushType, eventId, fields.text("AccountId"), callSheetId, statusTime,
        firstNonNull(statusTime, firstNonNull(latest(when), receivedAt)), variables(fields.text("CdrVar")), form);
    CallState call = callState(sheet, known, rawState);
    return switch (known) {
      case RING, RINGING -> new CallSheetRing(header, call, sheet);
      case LINK -> new CallSheetLink(header, call, sheet);
      case HANGUP, UNLINK -> new CallSheetHangup(header, call, sheet);
      case OTHER -> new UnknownEvent(header);
    };
  }

  private CallSheet sheet(PayloadFields fields, String callSheetId, Code<CallSheetState> state) {
    Code<CallSheetType> callType = fields.code("CallType", CallSheetType.class);
    String callingNumber = fields.text("CallNo");
    String calledNumber = fields.text("CalledNo");
    boolean incoming = callType != null && callType.value().isIncoming();
    String fileServer = fields.text("FileServer");
    String recordFile = fields.text("RecordFile");
    return new CallSheet(
        callSheetId, fields.text("CallID"), fields.text("refCallSheetId"), callType, state,
        fields.code("State", CallSheetResult.class), callingNumber, calledNumber,
        incoming ? callingNumber : calledNumber, fields.text("Province"), fields.text("District"),
        firstPresent(fields, "Agent", "Exten"), fields.text("Exten"), fields.text("AgentName"), fields.text("Queue"),
        fields.text("IVRKEY"),
        new CallSheet.Times(time(fields, "Ring"), time(fields, "RingingDate"), time(fields, "QueueTime"),
            time(fields, "Begin"), time(fields, "End")),
        new CallSheet.Recording(recordingUrl(fileServer, recordFile), fileServer, recordFile,
            fields.text("MonitorFilename")),
        fields.text("ActionID"), fields.text("WebcallActionID"), fields.text("AccountName"),
        fields.text("DialoutStrVar"));
  }

  /** The sheet as the JSON call events describe a call: the customer, the trunk or display number, the phase. */
  private static CallState callState(CallSheet sheet, CallSheetState state, String rawState) {
    boolean incoming = sheet.callType() != null && sheet.callType().value().isIncoming();
    return new CallState(
        sheet.customerNumber(), incoming ? sheet.calledNumber() : null, incoming ? null : sheet.callingNumber(),
        phase(state, rawState), callType(sheet.callType()), sheet.agentNumber(), sheet.agentName(),
        sheet.transferredFromCallSheetId());
  }

  /**
   * A time as the platform sends it, also when it was URL-encoded twice: after the container's decoding,
   * {@code 2015-06-12+20%3A14%3A50} is decoded once more.
   */
  private Instant time(PayloadFields fields, String name) {
    String text = fields.text(name);
    if (text == null) {
      return null;
    }
    Instant time = PayloadFields.instant(text.trim(), times);
    if (time == null && (text.indexOf('%') >= 0 || text.indexOf('+') >= 0)) {
      try {
        time = PayloadFields.instant(URLDecoder.decode(text, StandardCharsets.UTF_8).trim(), times);
      } catch (IllegalArgumentException notEncoded) {
        return null;
      }
    }
    return time;
  }

  /** {@code CdrVar}: {@code k:v,k:v}, each key set with a {@code __} prefix when the call was placed. */
  private static Map<String, Object> variables(String cdrVar) {
    if (cdrVar == null) {
      return Map.of();
    }
    Map<String, Object> variables = new LinkedHashMap<>();
    for (String entry : cdrVar.split(",")) {
      int colon = entry.indexOf(':');
      String key = (colon < 0 ? entry : entry.substring(0, colon)).strip();
      if (key.startsWith("__")) {
        key = key.substring(2);
      }
      if (!key.isEmpty()) {
        variables.put(key, colon < 0 ? "" : entry.substring(colon + 1).strip());
      }
    }
    return variables;
  }

  /** The form with each repeated parameter read as its first non-empty value, as typed fields read it. */
  private static ObjectNode firstValues(ObjectNode form) {
    ObjectNode firsts = null;
    for (Map.Entry<String, JsonNode> parameter : form.properties()) {
      if (parameter.getValue() instanceof ArrayNode values) {
        if (firsts == null) {
          firsts = form.deepCopy();
        }
        String first = "";
        for (JsonNode value : values) {
          if (!value.textValue().isEmpty()) {
            first = value.textValue();
            break;
          }
        }
        firsts.put(parameter.getKey(), first);
      }
    }
    return firsts == null ? form : firsts;
  }

  private static String recordingUrl(String fileServer, String recordFile) {
    if (fileServer == null || recordFile == null) {
      return null;
    }
    String server = fileServer.endsWith("/") ? fileServer.substring(0, fileServer.length() - 1) : fileServer;
    return server + (recordFile.startsWith("/") ? "" : "/") + recordFile;
  }

  private static Code<CallPhase> phase(CallSheetState state, String raw) {
    CallPhase phase = switch (state) {
      case RING, RINGING -> CallPhase.RING;
      case LINK -> CallPhase.LINK;
      case HANGUP, UNLINK -> CallPhase.HANGUP;
      case OTHER -> CallPhase.OTHER;
    };
    return new Code<>(phase, raw);
  }

  private static Code<CallType> callType(Code<CallSheetType> type) {
    if (type == null) {
      return null;
    }
    CallType callType = switch (type.value()) {
      case NORMAL, TRANSFER -> CallType.INCOMING;
      case DIALOUT, DIAL_TRANSFER -> CallType.DIALOUT;
      case OTHER -> CallType.OTHER;
    };
    return new Code<>(callType, type.raw());
  }

  private static Instant latest(CallSheet.Times when) {
    Instant latest = null;
    for (Instant time : new Instant[] {when.ring(), when.ringing(), when.queued(), when.begin(), when.end()}) {
      if (time != null && (latest == null || time.isAfter(latest))) {
        latest = time;
      }
    }
    return latest;
  }

  private static String firstPresent(PayloadFields fields, String... names) {
    for (String name : names) {
      String value = fields.text(name);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private static <T> T firstNonNull(T first, T second) {
    return first != null ? first : second;
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}

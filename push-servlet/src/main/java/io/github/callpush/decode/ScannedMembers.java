package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The members of one object of a JSON push that the readers ask for, kept as {@link JsonSource#scan} read
 * them off the tokens; every other member was checked and skipped. Asking for a name this class does not
 * keep is a mistake in the reader, not an absent member: it throws.
 */
final class ScannedMembers implements Members {

  /**
   * Every member name {@link EventReader}, {@link EventType} and {@link PayloadFields} read. A field of the
   * spec that is newly read must be named here.
   */
  private static final String[] NAMES = {
    "_id", "accountId", "actionId", "agentAnswerTime", "agentAreaCode", "agentAreacode", "agentCity", "agentCountry",
    "agentCountryCode", "agentFileUrl", "agentId", "agentName", "agentNumber", "agentProvince", "agentRingDuration",
    "agentStartTime", "agentTelNumber", "agentTelType", "applicationId", "billCalls", "bridgeDuration", "bridgeTime",
    "callEvent", "callId", "callType", "callUniqueId", "cdrType", "content", "createTime", "customerAnswerTime",
    "customerAreaCode", "customerAreacode", "customerCity", "customerCountry", "customerCountryCode",
    "customerFileUrl", "customerId", "customerName", "customerNumber", "customerNumberType", "customerProvince",
    "customerRingDuration", "customerStartTime", "displayNumber", "doubleTrackFileUrl", "endTime", "eventUniqueId",
    "extras", "failureReason", "gatewayIP", "groupIdList", "groupNameList", "hangUpSide", "hangupTime",
    "hotLineNumber", "id", "ivrId", "ivrName", "ivrTime", "joinQueueTime", "loginType", "logoutType", "matchResult",
    "offlineType", "playNumberDuration", "preMediaCode", "preMediaFailureReason", "preMediaKeyWord", "pushType",
    "queueName", "queueNumber", "recordFileUrl", "recordType", "recordingDuration", "relativeCallUniqueId",
    "satisfyDuration", "satisfyEndTime", "satisfyIvrId", "satisfyKeys", "satisfyStartTime", "saveTime", "segments",
    "sipCode", "startTime", "status", "statusName", "statusNumber", "statusTime", "superUniqueId",
    "systemAnswerTime", "taskId", "totalDuration", "trunkNumber", "uniqueId", "virtualNumber", "voiceMailUrl",
    "waitDuration"
  };
  private static final Map<String, Integer> INDEX = new HashMap<>(NAMES.length * 2);
  /** The names as bytes in an open-addressed table by {@link #slot}, to find one in a body without a String. */
  private static final int SLOTS = Integer.highestOneBit(NAMES.length * 4);
  private static final byte[][] SLOT_NAMES = new byte[SLOTS][];
  private static final int[] SLOT_INDEXES = new int[SLOTS];

  static {
    for (int i = 0; i < NAMES.length; i++) {
      INDEX.put(NAMES[i], i);
      byte[] name = NAMES[i].getBytes(StandardCharsets.US_ASCII);
      int slot = slot(name, 0, name.length);
      while (SLOT_NAMES[slot] != null) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      SLOT_NAMES[slot] = name;
      SLOT_INDEXES[slot] = i;
    }
  }

  /** The member whose object {@link JsonSource#scan} reads into members of its own: a wrapper's payload. */
  static final int CONTENT = indexOf("content");

  private final JsonSource json;
  /**
   * By name index: a {@code String} for a JSON string, a {@link JsonNode} for any other value, or for
   * {@link #CONTENT} maybe the {@code ScannedMembers} of its object.
   */
  private final Object[] values = new Object[NAMES.length];

  ScannedMembers(JsonSource json) {
    this.json = json;
  }

  /** The index of a name kept, or -1 for a member to skip. */
  static int indexOf(String name) {
    Integer index = INDEX.get(name);
    return index == null ? -1 : index;
  }

  /** The index of a name kept, or -1, for the ASCII name in {@code body} from {@code start} to {@code end}. */
  static int indexOf(byte[] body, int start, int end) {
    int length = end - start;
    for (int slot = slot(body, start, end); SLOT_NAMES[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
      byte[] name = SLOT_NAMES[slot];
      if (name.length == length && sameBytes(name, body, start)) {
        return SLOT_INDEXES[slot];
      }
    }
    return -1;
  }

  /** A name's first slot, from its length and a few of its bytes: a handful of operations, whatever its length. */
  private static int slot(byte[] bytes, int start, int end) {
    int length = end - start;
    if (length == 0) {
      return 0;
    }
    int mix = length * 0x9E3779B9 + bytes[start] * 31 + bytes[end - 1] * 961 + bytes[start + (length >> 1)] * 29791
        + bytes[start + (length >> 2)] * 923521;
    return (mix ^ (mix >>> 16)) & (SLOTS - 1);
  }

  private static boolean sameBytes(byte[] name, byte[] body, int start) {
    for (int i = 0; i < name.length; i++) {
      if (name[i] != body[start + i]) {
        return false;
      }
    }
    return true;
  }

  /** Sets a member, replacing a repeated one as a tree would: the last value wins. */
  void put(int index, Object value) {
    values[index] = value;
  }

  @Override
  public Object get(String name) {
    Object value = values[known(name)];
    if (value instanceof ScannedMembers) {
      throw new IllegalStateException("'" + name + "' was read as an object's members: ask object(name)");
    }
    return value;
  }

  @Override
  public Members object(String name) {
    Object value = values[known(name)];
    if (value instanceof ScannedMembers members) {
      return members;
    }
    if (value instanceof ObjectNode object) {
      return Members.of(object, json);
    }
    return value instanceof String text ? json.scanEmbedded(text) : null;
  }

  private static int known(String name) {
    int index = indexOf(name);
    if (index < 0) {
      throw new IllegalArgumentException("'" + name + "' is not kept by a scan: add it to ScannedMembers.NAMES");
    }
    return index;
  }
}

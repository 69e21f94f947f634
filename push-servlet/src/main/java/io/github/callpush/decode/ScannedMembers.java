package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;

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
  /** The names read as times: a scan may keep their value as the instant it reads, rather than its text. */
  private static final Set<String> TIMES = Set.of("statusTime", "startTime", "ivrTime", "joinQueueTime",
      "agentStartTime", "agentAnswerTime", "customerStartTime", "customerAnswerTime", "systemAnswerTime",
      "bridgeTime", "hangupTime", "endTime", "createTime", "saveTime", "satisfyStartTime", "satisfyEndTime");
  private static final boolean[] IS_TIME = new boolean[NAMES.length];
  /**
   * The names in an open-addressed table by {@link #slot}, to find one in a body without a String: each slot
   * holds a name's bytes, and its first and last eight bytes as longs ({@link #head}, {@link #tail}).
   */
  private static final int SLOTS = Integer.highestOneBit(NAMES.length * 4);
  private static final byte[][] SLOT_NAMES = new byte[SLOTS][];
  /** The names by {@link String#hashCode}, for the readers' names (literals, so the same instances as these). */
  private static final String[] BY_HASH = new String[SLOTS];
  private static final int[] BY_HASH_INDEXES = new int[SLOTS];
  private static final long[] SLOT_HEADS = new long[SLOTS];
  private static final long[] SLOT_TAILS = new long[SLOTS];
  private static final int[] SLOT_INDEXES = new int[SLOTS];
  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  static {
    for (int i = 0; i < NAMES.length; i++) {
      int byHash = NAMES[i].hashCode() & (SLOTS - 1);
      while (BY_HASH[byHash] != null) {
        byHash = (byHash + 1) & (SLOTS - 1);
      }
      BY_HASH[byHash] = NAMES[i];
      BY_HASH_INDEXES[byHash] = i;
      IS_TIME[i] = TIMES.contains(NAMES[i]);
      byte[] name = NAMES[i].getBytes(StandardCharsets.US_ASCII);
      long head = head(name, 0, name.length);
      long tail = tail(name, 0, name.length);
      int slot = slot(head, tail, name.length);
      while (SLOT_NAMES[slot] != null) {
        slot = (slot + 1) & (SLOTS - 1);
      }
      SLOT_NAMES[slot] = name;
      SLOT_HEADS[slot] = head;
      SLOT_TAILS[slot] = tail;
      SLOT_INDEXES[slot] = i;
    }
  }

  /** The member whose object {@link JsonSource#scan} reads into members of its own: a wrapper's payload. */
  static final int CONTENT = indexOf("content");

  private final JsonSource json;
  /**
   * By name index: a {@code String} for a JSON string (or the {@code Instant} a time's string holds), a
   * {@link JsonNode} for any other value, or for {@link #CONTENT} maybe the {@code ScannedMembers} of its object.
   */
  private final Object[] values = new Object[NAMES.length];

  ScannedMembers(JsonSource json) {
    this.json = json;
  }

  /** The index of a name kept, or -1 for a member to skip. */
  static int indexOf(String name) {
    for (int slot = name.hashCode() & (SLOTS - 1); BY_HASH[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
      String kept = BY_HASH[slot];
      if (kept == name || kept.equals(name)) {
        return BY_HASH_INDEXES[slot];
      }
    }
    return -1;
  }

  /** The index of a name kept, or -1, for the ASCII name in {@code body} from {@code start} to {@code end}. */
  static int indexOf(byte[] body, int start, int end) {
    int length = end - start;
    long head = head(body, start, length);
    long tail = tail(body, start, length);
    for (int slot = slot(head, tail, length); SLOT_NAMES[slot] != null; slot = (slot + 1) & (SLOTS - 1)) {
      byte[] name = SLOT_NAMES[slot];
      if (SLOT_HEADS[slot] == head && SLOT_TAILS[slot] == tail && name.length == length
          && (length <= 2 * Long.BYTES || Arrays.equals(name, 0, length, body, start, end))) {
        return SLOT_INDEXES[slot];
      }
    }
    return -1;
  }

  /** The first eight bytes of a name as a long; a shorter name's bytes, zero-padded. */
  private static long head(byte[] bytes, int start, int length) {
    if (length >= Long.BYTES) {
      return (long) LONGS.get(bytes, start);
    }
    long packed = 0;
    for (int i = length - 1; i >= 0; i--) {
      packed = packed << 8 | (bytes[start + i] & 0xFF);
    }
    return packed;
  }

  /** The last eight bytes of a name as a long (with {@link #head}, the whole of a name of up to 16 bytes). */
  private static long tail(byte[] bytes, int start, int length) {
    return length >= Long.BYTES ? (long) LONGS.get(bytes, start + length - Long.BYTES) : 0;
  }

  private static int slot(long head, long tail, int length) {
    long mix = (head * 0x9E3779B97F4A7C15L) ^ (tail * 0xC2B2AE3D27D4EB4FL) ^ length;
    return (int) (mix >>> 40) & (SLOTS - 1);
  }

  /** Whether the name at {@code index} is read as a time. */
  static boolean isTime(int index) {
    return IS_TIME[index];
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

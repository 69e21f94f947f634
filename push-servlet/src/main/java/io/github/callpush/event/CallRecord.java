package io.github.callpush.event;

import java.time.Instant;
import java.util.List;

/**
 * The record of a finished call ({@code cdr}), pushed once the platform has written it: who talked to
 * whom, when, for how long, and where the recordings are.
 *
 * @param header the fields every push carries
 * @param recordId the record's id ({@code _id}, else {@code id})
 * @param serialId the record's auto-increment id ({@code id})
 * @param uniqueId the record's unique identifier ({@code uniqueId})
 * @param applicationId the application that placed the call ({@code applicationId})
 * @param cdrType the kind of record ({@code cdrType}), e.g. {@code callRecord}
 * @param callType the direction and kind of call ({@code callType})
 * @param status how the call ended up ({@code status})
 * @param hangupSide who hung up ({@code hangUpSide})
 * @param failureReason why the call failed ({@code failureReason}), when it did
 * @param sipCode the SIP response code ({@code sipCode})
 * @param channelCallId the calling channel's id ({@code callId})
 * @param transferredFromCallId the call's id before a transfer ({@code relativeCallUniqueId})
 * @param customer the customer's side
 * @param agent the agent's side
 * @param times when each step happened
 * @param durations how long each step took, in seconds
 * @param recording where the recordings are
 * @param routing how the call was routed
 * @param satisfaction the satisfaction survey
 * @param billCalls the billed legs ({@code billCalls})
 * @param displayGroupIds ids of the display-number groups ({@code groupIdList})
 * @param displayGroupNames names of the display-number groups ({@code groupNameList})
 */
public record CallRecord(
    EventHeader header,
    String recordId,
    String serialId,
    String uniqueId,
    String applicationId,
    String cdrType,
    Code<CallType> callType,
    Code<AnswerStatus> status,
    Code<HangupSide> hangupSide,
    Code<FailureReason> failureReason,
    Integer sipCode,
    String channelCallId,
    String transferredFromCallId,
    Customer customer,
    Agent agent,
    Times times,
    Durations durations,
    Recording recording,
    Routing routing,
    Satisfaction satisfaction,
    List<BillCall> billCalls,
    List<String> displayGroupIds,
    List<String> displayGroupNames)
    implements PushEvent {

  /** Makes the lists read-only. */
  public CallRecord {
    billCalls = List.copyOf(billCalls);
    displayGroupIds = List.copyOf(displayGroupIds);
    displayGroupNames = List.copyOf(displayGroupNames);
  }

  /**
   * The customer's side of the call.
   *
   * @param number phone number ({@code customerNumber})
   * @param numberType kind of number ({@code customerNumberType}), e.g. {@code mobile}
   * @param id the customer's id in the account ({@code customerId})
   * @param name the customer's name ({@code customerName})
   * @param location where the number is registered
   */
  public record Customer(String number, String numberType, String id, String name, Location location) {}

  /**
   * The agent's side of the call.
   *
   * @param number the agent's work number ({@code agentNumber})
   * @param name the agent's name ({@code agentName})
   * @param id the agent's id ({@code agentId})
   * @param phoneNumber the phone the agent answered on ({@code agentTelNumber})
   * @param phoneType kind of phone ({@code agentTelType})
   * @param loginType how the agent answered ({@code loginType})
   * @param location where the agent's phone is registered
   */
  public record Agent(
      String number, String name, String id, String phoneNumber, String phoneType, Code<LoginType> loginType,
      Location location) {}

  /**
   * Where a number is registered.
   *
   * @param countryCode e.g. {@code 86}
   * @param country e.g. 中国
   * @param province e.g. 北京
   * @param city e.g. 北京
   * @param areaCode e.g. {@code 010}
   */
  public record Location(String countryCode, String country, String province, String city, String areaCode) {}

  /**
   * When each step of the call happened; null where it did not.
   *
   * @param start the call started ({@code startTime})
   * @param ivr the call entered the IVR ({@code ivrTime})
   * @param joinQueue the call joined a queue ({@code joinQueueTime})
   * @param agentStart the agent was called ({@code agentStartTime})
   * @param agentAnswer the agent answered ({@code agentAnswerTime})
   * @param customerStart the customer was called ({@code customerStartTime})
   * @param customerAnswer the customer answered ({@code customerAnswerTime})
   * @param systemAnswer the platform answered ({@code systemAnswerTime})
   * @param bridge the parties were bridged ({@code bridgeTime})
   * @param hangup the call was hung up ({@code hangupTime})
   * @param end the call ended, survey included ({@code endTime})
   * @param created the record was created ({@code createTime})
   * @param saved the record was saved ({@code saveTime})
   */
  public record Times(
      Instant start,
      Instant ivr,
      Instant joinQueue,
      Instant agentStart,
      Instant agentAnswer,
      Instant customerStart,
      Instant customerAnswer,
      Instant systemAnswer,
      Instant bridge,
      Instant hangup,
      Instant end,
      Instant created,
      Instant saved) {}

  /**
   * How long each step took, in whole seconds; null where not sent.
   *
   * @param total the whole call, survey included ({@code totalDuration})
   * @param bridge the conversation ({@code bridgeDuration})
   * @param agentRing the agent's phone rang ({@code agentRingDuration})
   * @param customerRing the customer's phone rang ({@code customerRingDuration})
   * @param waiting the caller waited ({@code waitDuration})
   * @param playNumber the agent's number was announced ({@code playNumberDuration})
   * @param recording the recording ({@code recordingDuration})
   * @param satisfaction the survey ({@code satisfyDuration})
   */
  public record Durations(
      Integer total, Integer bridge, Integer agentRing, Integer customerRing, Integer waiting, Integer playNumber,
      Integer recording, Integer satisfaction) {}

  /**
   * Where the recordings are.
   *
   * @param type the kind of recording ({@code recordType})
   * @param fileUrl the main recording ({@code recordFileUrl})
   * @param agentFileUrl the agent's track ({@code agentFileUrl})
   * @param customerFileUrl the customer's track ({@code customerFileUrl})
   * @param doubleTrackFileUrl both tracks in one file ({@code doubleTrackFileUrl})
   * @param voiceMailUrl the voice mail ({@code voiceMailUrl})
   */
  public record Recording(
      Code<RecordType> type, String fileUrl, String agentFileUrl, String customerFileUrl, String doubleTrackFileUrl,
      String voiceMailUrl) {}

  /**
   * How the call was routed.
   *
   * @param trunkNumber the trunk (the called number of an incoming call) ({@code trunkNumber})
   * @param displayNumber the number shown to the callee ({@code displayNumber})
   * @param virtualNumber the X number of an AXB call ({@code virtualNumber})
   * @param hotlineNumber the hotline ({@code hotLineNumber})
   * @param ivrId the IVR's id ({@code ivrId})
   * @param ivrName the IVR's name ({@code ivrName})
   * @param queueNumber the queue's number ({@code queueNumber})
   * @param queueName the queue's name ({@code queueName})
   * @param gatewayIp the outbound gateway ({@code gatewayIP})
   * @param taskId the dialling task ({@code taskId})
   * @param actionId the action ({@code actionId})
   * @param matchResult the regular-expression match result ({@code matchResult})
   */
  public record Routing(
      String trunkNumber, String displayNumber, String virtualNumber, String hotlineNumber, String ivrId,
      String ivrName, String queueNumber, String queueName, String gatewayIp, String taskId, String actionId,
      String matchResult) {}

  /**
   * The satisfaction survey, when there was one.
   *
   * @param ivrId the survey's IVR ({@code satisfyIvrId})
   * @param keys the keys pressed ({@code satisfyKeys}, a list or a comma-separated string)
   * @param start the survey started ({@code satisfyStartTime})
   * @param end the survey ended ({@code satisfyEndTime})
   */
  public record Satisfaction(String ivrId, List<String> keys, Instant start, Instant end) {

    /** Makes {@code keys} read-only. */
    public Satisfaction {
      keys = List.copyOf(keys);
    }
  }
}

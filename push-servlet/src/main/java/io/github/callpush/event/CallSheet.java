package io.github.callpush.event;

import java.time.Instant;

/**
 * Every field of one push of the older call-event interface, typed. Times are read as the platform sends
 * them ({@code yyyy-MM-dd HH:mm:ss} in the account's zone, once or twice URL-encoded); the custom variables
 * of {@code CdrVar} are the event's {@link PushEvent#extras()}.
 *
 * @param callSheetId the call ({@code CallSheetID}), the same for every push of one call
 * @param channelCallId the leg ({@code CallID}): one channel of the call; a transfer adds legs
 * @param transferredFromCallSheetId the call before a transfer ({@code refCallSheetId})
 * @param callType the kind of call ({@code CallType})
 * @param callState which state this push reports ({@code CallState})
 * @param result how the call was handled ({@code State}), on a hangup
 * @param callingNumber the calling number ({@code CallNo}): the customer's on an incoming call
 * @param calledNumber the called number ({@code CalledNo}): the customer's on an outbound call
 * @param customerNumber the customer's number: {@code CallNo} on an incoming call, {@code CalledNo} otherwise
 * @param province where the customer's number is registered ({@code Province})
 * @param district the city of the customer's number ({@code District})
 * @param agentNumber the agent's work number ({@code Agent}, else {@code Exten})
 * @param extension the agent's extension ({@code Exten}; the same as {@code Agent} for historical reasons)
 * @param agentName the agent's name ({@code AgentName})
 * @param queue the queue the call entered ({@code Queue})
 * @param ivrKeys the IVR menu keys pressed ({@code IVRKEY}), e.g. {@code 10004@0-10005@1}
 * @param times when each step happened
 * @param recording where the recording is
 * @param actionId the {@code ActionID} of the dial-out request that placed the call
 * @param webcallActionId the {@code actionid} of the webcall request that placed the call ({@code WebcallActionID})
 * @param accountName the account's name ({@code AccountName}), when the platform enables it
 * @param dialoutVariables the custom parameter of the dial-out request ({@code DialoutStrVar})
 */
public record CallSheet(
    String callSheetId,
    String channelCallId,
    String transferredFromCallSheetId,
    Code<CallSheetType> callType,
    Code<CallSheetState> callState,
    Code<CallSheetResult> result,
    String callingNumber,
    String calledNumber,
    String customerNumber,
    String province,
    String district,
    String agentNumber,
    String extension,
    String agentName,
    String queue,
    String ivrKeys,
    Times times,
    Recording recording,
    String actionId,
    String webcallActionId,
    String accountName,
    String dialoutVariables) {

  /**
   * When each step happened; null where it did not.
   *
   * @param ring the call reached the platform ({@code Ring})
   * @param ringing the callee's phone began to ring ({@code RingingDate})
   * @param queued the call entered the queue ({@code QueueTime})
   * @param begin the call was answered ({@code Begin})
   * @param end the call ended ({@code End})
   */
  public record Times(Instant ring, Instant ringing, Instant queued, Instant begin, Instant end) {}

  /**
   * Where the recording is.
   *
   * @param url the recording: {@code FileServer + "/" + RecordFile}; null without both
   * @param fileServer the recordings' server ({@code FileServer})
   * @param file the recording's path on it ({@code RecordFile})
   * @param monitorFilename the monitor recording's file name ({@code MonitorFilename})
   */
  public record Recording(String url, String fileServer, String file, String monitorFilename) {}
}

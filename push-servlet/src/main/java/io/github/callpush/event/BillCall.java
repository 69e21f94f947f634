package io.github.callpush.event;

import java.time.Instant;
import java.util.List;

/**
 * One billed leg of a call, decoded from one {@code |}-separated entry of {@code billCalls}, e.g.
 * {@code 2021-05-08 14:39:32|2021-05-08 14:39:37|2021-05-08 14:39:47|agent|01081400192|18519117865|20001|
 * mobileInternal|86|010|北京|86|010|北京|out-bound-call-agent|PSTN}.
 *
 * @param startTime when the leg was dialled (field 1)
 * @param answerTime when the leg was answered (field 2)
 * @param endTime when the leg ended (field 3)
 * @param side which party the leg reached, {@code agent} or {@code customer} (field 4)
 * @param callerNumber the calling number (field 5)
 * @param calleeNumber the called number (field 6)
 * @param agentNumber the agent's work number, null on a customer leg (field 7)
 * @param lineType the kind of line billed, e.g. {@code mobileInternal} (field 8)
 * @param callerCountryCode the caller's country code (field 9)
 * @param callerAreaCode the caller's area code (field 10)
 * @param callerCity the caller's city (field 11)
 * @param calleeCountryCode the callee's country code (field 12)
 * @param calleeAreaCode the callee's area code (field 13)
 * @param calleeCity the callee's city (field 14)
 * @param billingType the billing category, e.g. {@code out-bound-call-agent} (field 15)
 * @param loginType how the agent answered, null on a customer leg (field 16; {@code "null"} is null)
 * @param fields every field as sent, including any beyond the sixteenth
 */
public record BillCall(
    Instant startTime,
    Instant answerTime,
    Instant endTime,
    String side,
    String callerNumber,
    String calleeNumber,
    String agentNumber,
    String lineType,
    String callerCountryCode,
    String callerAreaCode,
    String callerCity,
    String calleeCountryCode,
    String calleeAreaCode,
    String calleeCity,
    String billingType,
    String loginType,
    List<String> fields) {

  /** Makes {@code fields} read-only. */
  public BillCall {
    fields = List.copyOf(fields);
  }
}

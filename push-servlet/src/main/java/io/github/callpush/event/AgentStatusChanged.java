package io.github.callpush.event;

/**
 * An agent's status changed ({@code callStatus}), on its own or because of a call.
 *
 * @param header the fields every push carries
 * @param call the state of the call that changed it, when there is one
 * @param statusNumber the status number ({@code statusNumber}): 0-9 standard, 100 and above custom
 * @param status the named status for {@code statusNumber}
 * @param statusName the status as the account names it ({@code statusName})
 */
public record AgentStatusChanged(
    EventHeader header, CallState call, Integer statusNumber, AgentStatus status, String statusName)
    implements CallStateEvent {}

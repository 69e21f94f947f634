package io.github.callpush.event;

/**
 * The state of a call as the ring, answer, hangup and agent-status pushes describe it.
 *
 * @param customerNumber the customer's phone number ({@code customerNumber})
 * @param trunkNumber the service number ({@code trunkNumber})
 * @param displayNumber the number shown to the callee ({@code displayNumber})
 * @param phase where the call is ({@code callEvent})
 * @param callType the direction and kind of call ({@code callType})
 * @param agentNumber the agent's work number ({@code agentNumber})
 * @param agentName the agent's name ({@code agentName})
 * @param superUniqueId the parent call's id ({@code superUniqueId}), when sent
 */
public record CallState(
    String customerNumber,
    String trunkNumber,
    String displayNumber,
    Code<CallPhase> phase,
    Code<CallType> callType,
    String agentNumber,
    String agentName,
    String superUniqueId) {}

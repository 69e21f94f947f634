package io.github.callpush.event;

/**
 * An agent logged in to the phone bar ({@code login}).
 *
 * @param header the fields every push carries
 * @param agentNumber the agent's work number ({@code agentNumber})
 * @param agentName the agent's name ({@code agentName})
 * @param loginType how the agent answers calls ({@code loginType})
 * @param offlineType how the agent answers while offline ({@code offlineType}), when sent
 */
public record AgentLogin(
    EventHeader header, String agentNumber, String agentName, Code<LoginType> loginType, Code<LoginType> offlineType)
    implements PushEvent {}

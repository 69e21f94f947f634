package io.github.callpush.event;

/**
 * An agent logged out of the phone bar ({@code logout}).
 *
 * @param header the fields every push carries
 * @param agentNumber the agent's work number ({@code agentNumber})
 * @param agentName the agent's name ({@code agentName})
 * @param logoutType how the agent logged out ({@code logoutType})
 * @param offlineType how the agent answers while offline ({@code offlineType}), when sent
 */
public record AgentLogout(
    EventHeader header, String agentNumber, String agentName, Code<LogoutType> logoutType, Code<LoginType> offlineType)
    implements PushEvent {}

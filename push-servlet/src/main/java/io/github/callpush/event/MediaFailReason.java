package io.github.callpush.event;

/**
 * The reason a call was rejected, detected from the early media ({@code mediaFailreason}).
 *
 * @param header the fields every push carries
 * @param agentNumber the agent's work number ({@code agentNumber})
 * @param reason the detected reason ({@code preMediaFailureReason}), e.g. {@code onThePhone}
 * @param code the result code ({@code preMediaCode})
 * @param keyword the keyword heard ({@code preMediaKeyWord}), e.g. 正在通话
 */
public record MediaFailReason(EventHeader header, String agentNumber, String reason, Integer code, String keyword)
    implements PushEvent {}

package io.github.callpush.event;

import java.time.Duration;
import java.util.List;

/**
 * The reason a call was rejected, detected from the early media ({@code mediaFailreason}). The push carries
 * no time of its own: its {@link #time()} is when it was received.
 *
 * @param header the fields every push carries
 * @param agentNumber the agent's work number ({@code agentNumber})
 * @param reason the detected reason ({@code preMediaFailureReason}), e.g. {@code onThePhone}
 * @param code the result code ({@code preMediaCode})
 * @param keyword the keyword heard ({@code preMediaKeyWord}), e.g. 正在通话
 * @param segments the recognised sentences ({@code content.segments}); empty when not sent
 */
public record MediaFailReason(
    EventHeader header, String agentNumber, String reason, Integer code, String keyword, List<Segment> segments)
    implements PushEvent {

  /** Makes {@code segments} read-only. */
  public MediaFailReason {
    segments = List.copyOf(segments);
  }

  /**
   * One recognised sentence of the early media.
   *
   * @param begin where it starts, from the start of the media ({@code beginTime}, milliseconds)
   * @param end where it ends ({@code endTime}, milliseconds)
   * @param channelId the audio track it was heard on ({@code channelId})
   * @param text what was recognised ({@code text})
   */
  public record Segment(Duration begin, Duration end, Integer channelId, String text) {}
}

package io.github.callpush.event;

import java.util.List;

/**
 * An outbound call ended ({@code dialoutHangup}).
 *
 * @param header the fields every push carries
 * @param call the state of the call
 * @param displayGroupIds ids of the display-number groups ({@code groupIdList}); {@code [""]} is empty
 * @param displayGroupNames names of the display-number groups ({@code groupNameList})
 */
public record OutboundHangup(
    EventHeader header, CallState call, List<String> displayGroupIds, List<String> displayGroupNames)
    implements CallStateEvent {

  /** Makes the lists read-only. */
  public OutboundHangup {
    displayGroupIds = List.copyOf(displayGroupIds);
    displayGroupNames = List.copyOf(displayGroupNames);
  }
}

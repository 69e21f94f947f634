package io.github.callpush.forward;

import io.github.callpush.ReceivedPush;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@code recording:} forwarders of the tests, found through {@code META-INF/services} as the broker modules'
 * are: {@code recording://NAME} keeps what it gets under NAME; {@code recording://refused} refuses to open.
 */
public final class RecordingForwarderProvider implements ForwarderProvider {

  /** What each named forwarder got, and whether it is closed. */
  public static final Map<String, Recording> RECORDINGS = new ConcurrentHashMap<>();

  @Override
  public Set<String> schemes() {
    return Set.of("recording");
  }

  @Override
  public PushForwarder open(URI uri) {
    if ("refused".equals(uri.getHost())) {
      throw new IllegalArgumentException("the recording forwarder refuses " + uri.getHost());
    }
    Recording recording = new Recording();
    RECORDINGS.put(uri.getHost(), recording);
    return recording;
  }

  /** One forwarder. */
  public static final class Recording implements PushForwarder {

    /** What it got. */
    public final List<ReceivedPush> pushes = new CopyOnWriteArrayList<>();
    /** Whether it was closed. */
    public volatile boolean closed;

    @Override
    public void onPush(ReceivedPush push) {
      pushes.add(push);
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}

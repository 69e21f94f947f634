package io.github.callpush;

import io.github.callpush.event.OutboundRing;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The configurer of the test webapp {@code deadline}: a listener that runs until the test releases it. */
public class SlowConfigurer implements PushReceiverConfigurer {

  static final List<String> CALLS = new CopyOnWriteArrayList<>();
  static volatile CountDownLatch release = new CountDownLatch(1);
  static volatile CountDownLatch finished = new CountDownLatch(1);

  /** Makes the listener wait again, and forgets its calls. */
  static void reset() {
    CALLS.clear();
    release = new CountDownLatch(1);
    finished = new CountDownLatch(1);
  }

  @Override
  public void configure(PushReceiver.Builder builder) {
    builder.on("slow-recorder", OutboundRing.class, ring -> {
      release.await(10, TimeUnit.SECONDS);
      CALLS.add("ring:" + ring.eventId());
      finished.countDown();
    });
  }
}

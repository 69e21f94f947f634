package io.github.callpush;

import io.github.callpush.event.CallRecord;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The configurer the test webapp's {@code web.xml} names; records the call records its listener sees. */
public class CallRecordRecorder implements PushReceiverConfigurer {

  static final List<String> CALL_RECORDS = new CopyOnWriteArrayList<>();

  @Override
  public void configure(PushReceiver.Builder builder) {
    builder.on("cdr-recorder", CallRecord.class, cdr -> CALL_RECORDS.add(cdr.eventId()));
  }
}

package io.github.callpush;

import io.github.callpush.event.AgentLogin;
import io.github.callpush.event.OutboundRing;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The configurer the test webapps' {@code web.xml} names; records what its listeners see. */
public class RecordingConfigurer implements PushReceiverConfigurer {

  static final List<String> CALLS = new CopyOnWriteArrayList<>();

  @Override
  public void configure(PushReceiver.Builder builder) {
    builder.on("ring-recorder", OutboundRing.class, ring -> CALLS.add("ring:" + ring.eventId()))
        .on("login-recorder", AgentLogin.class, login -> CALLS.add("login:" + login.agentNumber()));
  }
}

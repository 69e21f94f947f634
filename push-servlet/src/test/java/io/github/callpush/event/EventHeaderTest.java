package io.github.callpush.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.decode.PushDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventHeaderTest {

  private static final String CUSTOMER = "17319132391";
  private static final String RING = """
      {"eventUniqueId":"8757e994-4d5a","accountId":"20000153","callUniqueId":"403344537650466816",\
      "pushType":"dialoutRing","customerNumber":"%s","statusTime":"1620455977","callEvent":"ring",\
      "callType":"dialout","agentNumber":"20001","extras":{"orderId":"A-7731","token":"s3cr3t"}}""".formatted(CUSTOMER);

  private final OutboundRing ring = (OutboundRing) PushDecoder.defaults()
      .decode(RING.getBytes(StandardCharsets.UTF_8));

  @Test
  void printsTypeIdsTimeAndTheNamesOfTheExtras() {
    assertThat(ring.header().toString()).isEqualTo("EventHeader[pushType=dialoutRing, eventId=8757e994-4d5a, "
        + "accountId=20000153, callId=403344537650466816, time=" + Instant.ofEpochSecond(1620455977)
        + ", extras=[orderId, token]]");
  }

  @Test
  void anEventPrintsWithoutItsRawBodyOrTheValuesOfItsExtras() {
    String printed = ring.toString();

    assertThat(printed).startsWith("OutboundRing[header=EventHeader[pushType=dialoutRing")
        .contains("call=CallState[")
        .doesNotContain("raw", "\"pushType\"", "A-7731", "s3cr3t");
  }
}

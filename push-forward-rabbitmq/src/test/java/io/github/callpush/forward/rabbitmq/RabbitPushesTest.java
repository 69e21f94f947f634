package io.github.callpush.forward.rabbitmq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.AMQP;
import io.github.callpush.ReceivedPush;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Pushes;
import io.github.callpush.fixtures.Samples;
import io.github.callpush.forward.PushHeaders;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The message's properties and headers, and the consumer's way back to the push, with no broker. */
class RabbitPushesTest {

  private static final Instant RECEIVED = Instant.parse("2026-12-05T08:00:00.123456Z");

  private static ReceivedPush received(Push push, String eventKey) {
    return new ReceivedPush(PushDecoder.defaults().decode(push.body(), push.contentType(), RECEIVED), eventKey,
        push.body(), push.contentType(), RECEIVED);
  }

  @Test
  void aGbkPushGoesOutPersistentKeyedAndHeadedAndComesBackAsTheSamePush() {
    Push gbk = Samples.named("login").push().encodedIn(Charset.forName("GBK"));
    ReceivedPush push = received(gbk, "acc:login:e-1");

    AMQP.BasicProperties properties = RabbitForwarder.properties(push);
    ReceivedPush back = RabbitPushes.received(properties, push.body());

    assertThat(properties.getDeliveryMode()).isEqualTo(2);
    assertThat(properties.getMessageId()).isEqualTo("acc:login:e-1");
    assertThat(properties.getContentType()).isEqualTo(gbk.contentType()).containsIgnoringCase("GBK");
    assertThat(properties.getTimestamp().toInstant()).isEqualTo(Instant.parse("2026-12-05T08:00:00Z"));
    assertThat(properties.getHeaders()).containsExactlyInAnyOrderEntriesOf(Map.of(
        PushHeaders.EVENT_KEY, "acc:login:e-1",
        PushHeaders.PUSH_TYPE, push.event().pushType(),
        PushHeaders.ACCOUNT_ID, push.event().accountId(),
        PushHeaders.RECEIVED_AT, "2026-12-05T08:00:00.123456Z",
        PushHeaders.CONTENT_TYPE, gbk.contentType()));
    assertThat(back.eventKey()).isEqualTo("acc:login:e-1");
    assertThat(back.receivedAt()).isEqualTo(RECEIVED);
    assertThat(back.body()).isEqualTo(gbk.body());
    assertThat(back.event().raw()).isEqualTo(push.event().raw());
    assertThat(back.event().accountId()).isNotBlank();
  }

  @Test
  void anAbsentValueLeavesItsHeaderOut() {
    Push hangup = Pushes.callSheetHangup().build();
    ReceivedPush push = new ReceivedPush(
        PushDecoder.defaults().decode(hangup.query().getBytes(Charset.forName("UTF-8")),
            "application/x-www-form-urlencoded", RECEIVED),
        "k", hangup.query().getBytes(Charset.forName("UTF-8")), null, RECEIVED);

    AMQP.BasicProperties properties = RabbitForwarder.properties(push);

    assertThat(properties.getHeaders()).doesNotContainKey(PushHeaders.CONTENT_TYPE);
    assertThat(properties.getContentType()).isNull();
    assertThat(properties.getHeaders()).containsEntry(PushHeaders.CALL_ID, push.event().callId());
  }

  @Test
  void withoutHeadersTheMessageIdAndTimestampServe() {
    Push cdr = Samples.named("cdr").push();
    AMQP.BasicProperties bare = new AMQP.BasicProperties.Builder().messageId("k-1").contentType(cdr.contentType())
        .timestamp(java.util.Date.from(RECEIVED)).build();

    ReceivedPush back = RabbitPushes.received(bare, cdr.body());

    assertThat(back.eventKey()).isEqualTo("k-1");
    assertThat(back.receivedAt()).isEqualTo(Instant.parse("2026-12-05T08:00:00.123Z")); // java.util.Date's precision
    assertThat(back.event().eventId()).isEqualTo(cdr.eventId());
  }

  @Test
  void aMessageWithoutKeyOrTimeIsNotAForwardedPush() {
    byte[] body = Samples.named("cdr").push().body();
    AMQP.BasicProperties noKey = new AMQP.BasicProperties.Builder().timestamp(new java.util.Date()).build();
    AMQP.BasicProperties noTime = new AMQP.BasicProperties.Builder().messageId("k").build();

    assertThatThrownBy(() -> RabbitPushes.received(noKey, body)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(PushHeaders.EVENT_KEY);
    assertThatThrownBy(() -> RabbitPushes.received(noTime, body)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(PushHeaders.RECEIVED_AT);
  }

  @Test
  void aBadUriOrAnUnreachableBrokerIsReportedWithoutThePassword() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }

    assertThatThrownBy(() -> RabbitForwarder.builder("http://app:s3cret@mq:5672/prod"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app:****@mq")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> RabbitForwarder.builder("http://app:p/s@s3cret@mq:5672/prod"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app:****@mq")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> RabbitForwarder.builder("amqp://app:s3cret@127.0.0.1:" + closed + "/prod").build())
        .isInstanceOf(IOException.class).hasMessageContaining("unreachable at 127.0.0.1:" + closed + " (vhost prod)")
        .hasMessageNotContaining("s3cret");
  }
}

package io.github.callpush.forward.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.ReceivedPush;
import io.github.callpush.decode.PushDecoder;
import io.github.callpush.fixtures.Push;
import io.github.callpush.fixtures.Samples;
import io.github.callpush.forward.PushHeaders;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/** A push to the record the forwarder publishes and, consumed, back to the same push. */
class KafkaPushesTest {

  private static final Instant RECEIVED_AT = Instant.parse("2021-05-08T06:39:32.123Z");

  @Test
  void aCallsEventIsKeyedByItsCallAndCarriesItsHeaders() {
    ReceivedPush cdr = received(Samples.named("cdr").push(), "cdr-key");

    ProducerRecord<byte[], byte[]> record = KafkaPushes.record("pushes", cdr);

    assertThat(cdr.event().callId()).isNotNull();
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(cdr.event().callId());
    assertThat(record.value()).isSameAs(cdr.body());
    assertThat(record.partition()).isNull();
    assertThat(headers(record)).containsExactly(
        PushHeaders.EVENT_KEY + "=cdr-key",
        PushHeaders.PUSH_TYPE + "=" + cdr.event().pushType(),
        PushHeaders.ACCOUNT_ID + "=" + cdr.event().accountId(),
        PushHeaders.CALL_ID + "=" + cdr.event().callId(),
        PushHeaders.RECEIVED_AT + "=2021-05-08T06:39:32.123Z",
        PushHeaders.CONTENT_TYPE + "=" + cdr.contentType());
  }

  @Test
  void anEventWithoutCallIsKeyedByItsEventKeyItsAbsentHeadersLeftOut() {
    ReceivedPush login = new ReceivedPush(received(Samples.named("login").push(), "login-key").event(), "login-key",
        Samples.named("login").push().body(), null, RECEIVED_AT);

    ProducerRecord<byte[], byte[]> record = KafkaPushes.record("pushes", login);

    assertThat(login.event().callId()).isNull();
    assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("login-key");
    assertThat(record.headers().lastHeader(PushHeaders.CALL_ID)).isNull();
    assertThat(record.headers().lastHeader(PushHeaders.CONTENT_TYPE)).isNull();
  }

  @Test
  void aConsumedRecordIsThePushItCameFromGbkIncluded() {
    Push gbk = Samples.named("incoming-ring").push().encodedIn(Charset.forName("GBK"));
    ReceivedPush sent = received(gbk, "gbk-key");

    ReceivedPush back = KafkaPushes.received(consumed(KafkaPushes.record("pushes", sent)));

    assertThat(gbk.body()).isNotEqualTo(Samples.named("incoming-ring").push().body());
    assertThat(back.eventKey()).isEqualTo("gbk-key");
    assertThat(back.body()).isEqualTo(gbk.body());
    assertThat(back.contentType()).isEqualTo(gbk.contentType());
    assertThat(back.receivedAt()).isEqualTo(RECEIVED_AT);
    assertThat(back.event()).isEqualTo(sent.event());
  }

  @Test
  void aRecordTheForwarderDidNotPublishIsRefusedSayingWhy() {
    ProducerRecord<byte[], byte[]> record = KafkaPushes.record("pushes", received(Samples.named("cdr").push(), "k"));
    record.headers().remove(PushHeaders.EVENT_KEY);
    ProducerRecord<byte[], byte[]> badTime = KafkaPushes.record("pushes", received(Samples.named("cdr").push(), "k"));
    badTime.headers().remove(PushHeaders.RECEIVED_AT).add(PushHeaders.RECEIVED_AT, "yesterday".getBytes());

    assertThatThrownBy(() -> KafkaPushes.received(consumed(record))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record pushes-0@42 has no callpush-event-key header: not a forwarded push");
    assertThatThrownBy(() -> KafkaPushes.received(consumed(badTime))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("record pushes-0@42 has a malformed callpush-received-at header: yesterday");
  }

  private static ReceivedPush received(Push push, String eventKey) {
    return new ReceivedPush(PushDecoder.defaults().decode(push.body(), push.contentType(), RECEIVED_AT), eventKey,
        push.body(), push.contentType(), RECEIVED_AT);
  }

  private static ConsumerRecord<byte[], byte[]> consumed(ProducerRecord<byte[], byte[]> record) {
    return new ConsumerRecord<>(record.topic(), 0, 42, 0L, TimestampType.CREATE_TIME, record.key().length,
        record.value().length, record.key(), record.value(), new RecordHeaders(record.headers().toArray()),
        Optional.empty());
  }

  private static java.util.List<String> headers(ProducerRecord<byte[], byte[]> record) {
    java.util.List<String> headers = new java.util.ArrayList<>();
    for (Header header : record.headers()) {
      headers.add(header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8));
    }
    return headers;
  }
}

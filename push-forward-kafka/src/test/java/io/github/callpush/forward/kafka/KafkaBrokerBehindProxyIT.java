package io.github.callpush.forward.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.callpush.ChaosProxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * {@link KafkaBroker#start(int, int)} behind a {@link ChaosProxy}: a producer bootstrapped at the proxy learns the
 * proxy's port as the partition leader's, a cut makes its sends fail and a restore makes them land again (were the
 * broker's own port advertised, the producer would have left the proxy and the cut would not touch it).
 */
class KafkaBrokerBehindProxyIT {

  @Test
  void aProducerBootstrappedAtTheProxyStaysOnItSoThatACutFailsItsSends() throws Exception {
    int port = KafkaBroker.freePort();
    String topic = "callpush-behind-proxy";
    try (ChaosProxy proxy = new ChaosProxy(port);
        KafkaBroker broker = KafkaBroker.start(port, proxy.port())) {
      assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + proxy.port());
      broker.createTopic(topic, 1);
      try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + proxy.port(),
          ProducerConfig.CLIENT_ID_CONFIG, "callpush-test-behind-proxy",
          ProducerConfig.ACKS_CONFIG, "all",
          ProducerConfig.LINGER_MS_CONFIG, 0,
          ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
          ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 1500,
          ProducerConfig.MAX_BLOCK_MS_CONFIG, 1500,
          ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200),
          new ByteArraySerializer(), new ByteArraySerializer())) {
        assertThat(producer.send(record(topic, "before")).get(10, TimeUnit.SECONDS).offset()).isZero();
        assertThat(producer.partitionsFor(topic).get(0).leader().port()).as("the leader's advertised port")
            .isEqualTo(proxy.port());

        proxy.cut();
        assertThatThrownBy(() -> producer.send(record(topic, "cut")).get(10, TimeUnit.SECONDS))
            .as("a send while the proxy is cut").isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

        proxy.restore();
        assertThat(producer.send(record(topic, "after")).get(10, TimeUnit.SECONDS).offset())
            .as("the offset after the restore (the cut record is not in the log)").isEqualTo(1);
      }
    }
  }

  private static ProducerRecord<byte[], byte[]> record(String topic, String value) {
    return new ProducerRecord<>(topic, value.getBytes(StandardCharsets.UTF_8));
  }
}

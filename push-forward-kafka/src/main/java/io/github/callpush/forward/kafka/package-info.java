/**
 * Forwarding pushes to Kafka: a {@link io.github.callpush.forward.PushForwarder} that publishes each push as
 * received and returns only once the broker confirmed it ({@link io.github.callpush.forward.kafka.KafkaForwarder}),
 * and the consumer's side, the record back to its {@link io.github.callpush.ReceivedPush}
 * ({@link io.github.callpush.forward.kafka.KafkaPushes}), run once per event with
 * {@link io.github.callpush.dedup.OncePerEvent}.
 *
 * <p>Exactly once from the platform to the consumer's handler: the receiver answers 2xx only after the broker's
 * confirm and does not publish again for a delivery after that; the consumer deduplicates by the event key. One
 * call's events share a record key, so they stay in order in one partition. An event is published twice only
 * when the node dies (or the dedup store fails) after the broker's confirm and before the receiver completed
 * its claim, or when the confirm was lost or came after the deadline; both copies carry the same
 * {@link io.github.callpush.forward.PushHeaders#EVENT_KEY}, so the consumer's {@code OncePerEvent} runs its
 * handler once.
 */
package io.github.callpush.forward.kafka;

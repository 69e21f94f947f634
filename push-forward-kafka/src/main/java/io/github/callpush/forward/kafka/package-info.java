/**
 * Forwarding pushes to Kafka: a {@link io.github.callpush.ReceivedPushListener} that publishes each push as
 * received and returns only once the broker confirmed it, and the consumer's side, the message back to its
 * {@link io.github.callpush.ReceivedPush}.
 */
package io.github.callpush.forward.kafka;

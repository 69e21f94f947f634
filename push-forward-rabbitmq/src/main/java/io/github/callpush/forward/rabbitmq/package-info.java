/**
 * Forwarding pushes to RabbitMQ: a {@link io.github.callpush.forward.PushForwarder} that publishes each push as
 * received and returns only once the broker confirmed it ({@link io.github.callpush.forward.rabbitmq.RabbitForwarder},
 * also found by the {@code forward} setting's {@code amqp://} URIs through
 * {@link io.github.callpush.forward.rabbitmq.RabbitForwarderProvider}),
 * the header names it sets ({@link io.github.callpush.forward.PushHeaders}), and the consumer's side, the
 * message back to its {@link io.github.callpush.ReceivedPush}
 * ({@link io.github.callpush.forward.rabbitmq.RabbitPushes}).
 *
 * <p><b>Delivery guarantees.</b> A push is acknowledged to the platform only after the broker confirmed its
 * message; when the broker is down, the message unroutable or the confirm late, the platform gets 503 (a
 * {@link io.github.callpush.RetryLaterException}) and retries, so nothing is lost, and the receiver's dedup keeps a retry after a confirmed publish from publishing
 * again. Two windows remain where a message is published twice: the node dies, or the dedup store fails, after
 * the broker's confirm and before the receiver completed its claim, or the confirm came later than the deadline
 * while the message did land; the platform's retry then publishes it again, with the same event key (message id
 * and {@code callpush-event-key} header). A consumer that runs its handler
 * through {@link io.github.callpush.dedup.OncePerEvent} keyed by that event key, as {@code RabbitPushes} shows,
 * runs it once per event all the same.
 */
package io.github.callpush.forward.rabbitmq;

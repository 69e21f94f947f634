/**
 * Handing pushes over to a message broker: {@link io.github.callpush.forward.PushForwarder} (a
 * {@link io.github.callpush.ReceivedPushListener} that returns once the broker confirmed) and the
 * {@link io.github.callpush.forward.ForwarderProvider} service through which the {@code forward} setting finds the
 * modules {@code push-forward-kafka} and {@code push-forward-rabbitmq} by URI scheme.
 */
package io.github.callpush.forward;

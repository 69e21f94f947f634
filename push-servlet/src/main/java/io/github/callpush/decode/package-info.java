/**
 * Decoding: raw push bytes to typed {@link io.github.callpush.event.PushEvent}s with
 * {@link io.github.callpush.decode.PushDecoder}; bodies that are not events raise
 * {@link io.github.callpush.decode.PushDecodingException}.
 */
package io.github.callpush.decode;

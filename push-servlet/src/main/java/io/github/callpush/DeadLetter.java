package io.github.callpush;

import java.time.Instant;

/**
 * A push the receiver rejected, with its raw bytes, so nothing is lost even when it cannot be handled.
 *
 * @param body the raw body; at most the size limit's worth when {@code truncated}
 * @param truncated whether the body was longer than the size limit and was cut there
 * @param status the status the receiver answered (400, 401, 403, 405, 413)
 * @param reason why it was rejected, as sent back to the platform
 * @param contentType the request's {@code Content-Type}, may be null
 * @param remoteAddress the address of the peer that sent it
 * @param receivedAt when it arrived, by the receiver's clock
 */
public record DeadLetter(
    byte[] body, boolean truncated, int status, String reason, String contentType, String remoteAddress,
    Instant receivedAt) {}

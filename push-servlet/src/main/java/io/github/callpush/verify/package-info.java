/**
 * Verification: decides whether a push really comes from the platform, before it is decoded or
 * claimed, and answers 401 or 403 when not. A {@link io.github.callpush.verify.PushVerifier} sees the
 * raw bytes and headers; this package has a shared token ({@link
 * io.github.callpush.verify.TokenVerifier}), Standard Webhooks HMAC signatures ({@link
 * io.github.callpush.verify.StandardWebhookVerifier}, signed by {@link
 * io.github.callpush.verify.WebhookSigner}), an IP allowlist behind trusted proxies ({@link
 * io.github.callpush.verify.IpAllowlistVerifier}) and HTTP Basic ({@link
 * io.github.callpush.verify.BasicAuthVerifier}). All compare secrets in constant time, accept several
 * secrets at once for rotation, are immutable and thread-safe, and never throw on what a request
 * carries. Combine them with {@link io.github.callpush.verify.PushVerifier#allOf}:
 *
 * <pre>{@code
 * PushVerifier verifier = PushVerifier.allOf(
 *     IpAllowlistVerifier.builder().allow("203.0.113.0/24").trustedProxy("10.0.0.0/8").build(),
 *     TokenVerifier.builder().header("X-Callpush-Token").token(currentToken).token(previousToken).build());
 * }</pre>
 */
package io.github.callpush.verify;

package io.github.callpush;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.callpush.dedup.MutableClock;
import io.github.callpush.event.OutboundRing;
import io.github.callpush.verify.BasicAuthVerifier;
import io.github.callpush.verify.IpAllowlistVerifier;
import io.github.callpush.verify.StandardWebhookVerifier;
import io.github.callpush.verify.TokenVerifier;
import io.github.callpush.verify.WebhookSigner;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Verification, limits and lying clients, against a real Jetty. */
class VerificationOverHttpTest {

  private static final String OLD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  private static final String NEW_SECRET = "whsec_dGhlLW5ldy1zZWNyZXQtYWZ0ZXItcm90YXRpb24=";

  private final List<String> runs = new CopyOnWriteArrayList<>();
  private final List<DeadLetter> deadLetters = new CopyOnWriteArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T08:00:00Z"));
  private JettyHarness jetty;

  @AfterEach
  void stop() throws Exception {
    jetty.close();
  }

  private void serve(PushReceiver.Builder builder) throws Exception {
    jetty = JettyHarness.servlet(new PushServlet(builder.observer(PushObserver.deadLetters(deadLetters::add))
        .on("r", OutboundRing.class, ring -> runs.add(ring.eventId())).build()));
  }

  @Test
  void missingOrWrongTokenGets401AndNothingRuns() throws Exception {
    serve(PushReceiver.builder().verifier(TokenVerifier.builder().token("right").build()));

    HttpResponse<String> missing = jetty.post("/push", Pushes.ring("e1"));
    HttpResponse<String> wrong = jetty.post("/push?token=wrong", Pushes.ring("e1"));
    HttpResponse<String> right = jetty.post("/push?token=right", Pushes.ring("e1"));

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.body()).contains("\"error\":\"unauthorized\"");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(runs).containsExactly("e1");
    assertThat(deadLetters).hasSize(2).allSatisfy(letter -> assertThat(letter.status()).isEqualTo(401));
  }

  @Test
  void basicAuthRefusalChallengesTheClientAndTokenRefusalDoesNot() throws Exception {
    serve(PushReceiver.builder().verifier(BasicAuthVerifier.builder().user("platform", "s3cret").build()));
    String credentials = Base64.getEncoder().encodeToString("platform:s3cret".getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> missing = jetty.post("/push", Pushes.ring("e1"));
    HttpResponse<String> right = jetty.post("/push", Pushes.ring("e1"), "Authorization", "Basic " + credentials);
    jetty.close();
    serve(PushReceiver.builder().verifier(TokenVerifier.builder().token("right").build()));
    HttpResponse<String> noToken = jetty.post("/push", Pushes.ring("e2"));

    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"callpush\", charset=\"UTF-8\"");
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.headers().firstValue("WWW-Authenticate")).isEmpty();
  }

  @Test
  void signaturesVerifyAcrossRotationAndWithinTheToleranceOnly() throws Exception {
    serve(PushReceiver.builder().verifier(StandardWebhookVerifier.builder()
        .secret(OLD_SECRET).secret(NEW_SECRET).tolerance(Duration.ofMinutes(5)).clock(clock).build()));
    long now = clock.instant().getEpochSecond();

    int signedWithNew = signedPost("e1", NEW_SECRET, now).statusCode();
    int signedWithOld = signedPost("e2", OLD_SECRET, now).statusCode();
    int stale = signedPost("e3", NEW_SECRET, now - 301).statusCode();
    int future = signedPost("e4", NEW_SECRET, now + 301).statusCode();
    int foreignSecret = signedPost("e5", "whsec_c29tZW9uZS1lbHNlcy1zZWNyZXQ=", now).statusCode();

    assertThat(List.of(signedWithNew, signedWithOld, stale, future, foreignSecret))
        .containsExactly(200, 200, 401, 401, 401);
    assertThat(runs).containsExactly("e1", "e2");
  }

  @Test
  void bodyChangedAfterSigningIsRejected() throws Exception {
    serve(PushReceiver.builder().verifier(StandardWebhookVerifier.builder().secret(NEW_SECRET).clock(clock).build()));
    long now = clock.instant().getEpochSecond();
    String signature = WebhookSigner.of(NEW_SECRET)
        .sign("msg-1", now, Pushes.ring("e1").getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> tampered = jetty.post("/push", Pushes.ring("e1").replace("17319132391", "17300000000"),
        "webhook-id", "msg-1", "webhook-timestamp", Long.toString(now), "webhook-signature", signature);

    assertThat(tampered.statusCode()).isEqualTo(401);
    assertThat(runs).isEmpty();
  }

  @Test
  void spoofedForwardedForFromAnUntrustedPeerIsIgnored() throws Exception {
    serve(PushReceiver.builder().verifier(IpAllowlistVerifier.builder().allow("10.1.0.0/16").build()));

    HttpResponse<String> spoofed = jetty.post("/push", Pushes.ring("e1"), "X-Forwarded-For", "10.1.2.3");

    assertThat(spoofed.statusCode()).isEqualTo(403);
    assertThat(spoofed.body()).contains("\"error\":\"forbidden\"");
    assertThat(runs).isEmpty();
  }

  @Test
  void forwardedForIsBelievedFromATrustedProxy() throws Exception {
    serve(PushReceiver.builder().verifier(
        IpAllowlistVerifier.builder().allow("10.1.0.0/16").trustedProxy("127.0.0.1/32").build()));

    int fromAllowed = jetty.post("/push", Pushes.ring("e1"), "X-Forwarded-For", "10.1.2.3").statusCode();
    int fromOther = jetty.post("/push", Pushes.ring("e2"), "X-Forwarded-For", "192.0.2.7").statusCode();

    assertThat(List.of(fromAllowed, fromOther)).containsExactly(200, 403);
  }

  @Test
  void contentLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
    serve(PushReceiver.builder().allowUnverified().maxBodyBytes(1024));

    String status = jetty.raw(("POST /push HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: 1000000000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII), false);

    assertThat(status).startsWith("HTTP/1.1 413");
    assertThat(deadLetters).singleElement().satisfies(letter -> assertThat(letter.status()).isEqualTo(413));
  }

  @Test
  void bodyAFewTimesOverTheLimitIsReadToItsEndSoThe413ArrivesAndItsPrefixIsDeadLettered() throws Exception {
    serve(PushReceiver.builder().allowUnverified().maxBodyBytes(64 * 1024));
    byte[] body = oversize(200 * 1024);

    String announced = jetty.raw(concat(("POST /push HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body), false);
    String chunked = jetty.raw(concat(("POST /push HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(body.length) + "\r\n")
        .getBytes(StandardCharsets.US_ASCII), concat(body, "\r\n0\r\n\r\n".getBytes(StandardCharsets.US_ASCII))), false);

    assertThat(List.of(announced, chunked)).allSatisfy(status -> assertThat(status).startsWith("HTTP/1.1 413"));
    assertThat(deadLetters).hasSize(2).allSatisfy(letter -> {
      assertThat(letter.status()).isEqualTo(413);
      assertThat(letter.truncated()).isTrue();
      assertThat(letter.body()).isEqualTo(java.util.Arrays.copyOf(body, 64 * 1024));
    });
  }

  @Test
  void bodyShorterThanItsContentLengthIsRejectedAndRunsNothing() throws Exception {
    serve(PushReceiver.builder().allowUnverified());
    byte[] body = Pushes.ring("e1").getBytes(StandardCharsets.UTF_8);

    String status = jetty.raw(concat(("POST /push HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Content-Length: " + (body.length + 50) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII), body), true);

    assertThat(status).startsWith("HTTP/1.1 400");
    assertThat(runs).isEmpty();
    assertThat(deadLetters).singleElement().satisfies(letter -> assertThat(letter.body()).isEqualTo(body));
  }

  @Test
  void bodyLongerThanItsContentLengthIsCutThereAndRejectedAsMalformed() throws Exception {
    serve(PushReceiver.builder().allowUnverified());
    byte[] body = Pushes.ring("e1").getBytes(StandardCharsets.UTF_8);

    String status = jetty.raw(concat(("POST /push HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
        + "Connection: close\r\nContent-Length: " + (body.length - 10) + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII), body), false);

    assertThat(status).startsWith("HTTP/1.1 400");
    assertThat(runs).isEmpty();
    assertThat(deadLetters).singleElement().satisfies(letter -> assertThat(letter.body()).hasSize(body.length - 10));
  }

  private HttpResponse<String> signedPost(String eventId, String secret, long timestamp) throws Exception {
    byte[] body = Pushes.ring(eventId).getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSigner.of(secret).sign("msg-" + eventId, timestamp, body);
    return jetty.post("/push", body, "webhook-id", "msg-" + eventId, "webhook-timestamp", Long.toString(timestamp),
        "webhook-signature", signature);
  }

  private static byte[] concat(byte[] head, byte[] tail) {
    byte[] all = java.util.Arrays.copyOf(head, head.length + tail.length);
    System.arraycopy(tail, 0, all, head.length, tail.length);
    return all;
  }

  private static byte[] oversize(int length) {
    byte[] ring = Pushes.ring("big").getBytes(StandardCharsets.UTF_8);
    byte[] body = java.util.Arrays.copyOf(ring, length);
    java.util.Arrays.fill(body, ring.length, length, (byte) ' ');
    return body;
  }
}

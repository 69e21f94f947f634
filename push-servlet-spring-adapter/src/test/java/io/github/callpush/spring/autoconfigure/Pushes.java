package io.github.callpush.spring.autoconfigure;

import io.github.callpush.PushReceiver;
import io.github.callpush.PushRequest;
import io.github.callpush.PushResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Push bodies, and a sender of real HTTP pushes. Stands in for the test-fixtures' PlatformSimulator,
 * which these tests should use once it is on main.
 */
final class Pushes {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Pushes() {}

  /** An event id no other test run uses (the PostgreSQL and Redis stores outlive a run). */
  static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }

  /** An outbound ring ({@code OutboundRing}) with event id {@code eventId}. */
  static String ring(String eventId) {
    return "{\"eventUniqueId\":\"" + eventId + "\",\"accountId\":\"20000153\",\"pushType\":\"dialoutRing\","
        + "\"callType\":\"dialout\",\"callEvent\":\"ring\",\"callUniqueId\":\"403344537650466816\","
        + "\"customerNumber\":\"17319132391\",\"agentNumber\":\"20001\",\"statusTime\":\"1620455977\"}";
  }

  /** An agent login ({@code AgentLogin}) with event id {@code eventId}. */
  static String login(String eventId) {
    return "{\"eventUniqueId\":\"" + eventId + "\",\"accountId\":\"2000103\",\"pushType\":\"login\","
        + "\"loginType\":\"PSTN\",\"statusTime\":\"2021-07-22 18:06:48\",\"agentNumber\":\"9998\"}";
  }

  /** POSTs {@code body} as JSON to {@code path} on localhost:{@code port}; {@code headers} are name, value, ... */
  static HttpResponse<String> post(int port, String path, String body, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** GETs {@code path} on localhost:{@code port}. */
  static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30)).build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Hands {@code body} to {@code receiver} directly, as a POST from 127.0.0.1 with {@code headers}. */
  static PushResponse handle(PushReceiver receiver, String body, String... headers) {
    PushRequest.Builder request = PushRequest.builder().body(body.getBytes(StandardCharsets.UTF_8));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return receiver.handle(request.build());
  }
}

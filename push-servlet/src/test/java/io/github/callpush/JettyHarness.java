package io.github.callpush;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty 12 (ee10) on a free loopback port, and an HTTP client to push to it. */
final class JettyHarness implements AutoCloseable {

  private final Server server;
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private JettyHarness(Handler handler) throws Exception {
    server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(handler);
    server.start();
  }

  /** Serves {@code servlet} at {@code /push} (and nothing else). */
  static JettyHarness servlet(Servlet servlet) throws Exception {
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(servlet), "/push");
    return new JettyHarness(context);
  }

  /**
   * Puts {@code filter} (mapped to {@code /*}) in front of a servlet that answers with 200 "app", mapped at
   * {@code appMapping} (the default servlet {@code /}, or {@code /*}), in a context at {@code contextPath}.
   */
  static JettyHarness filterInFront(Filter filter, String contextPath, String appMapping) throws Exception {
    ServletContextHandler context = new ServletContextHandler(contextPath);
    context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(jakarta.servlet.DispatcherType.REQUEST));
    context.addServlet(new ServletHolder(new AppServlet()), appMapping);
    return new JettyHarness(context);
  }

  /** Serves any handler, e.g. a {@code WebAppContext}. */
  static JettyHarness handler(Handler handler) throws Exception {
    return new JettyHarness(handler);
  }

  int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
  }

  HttpResponse<String> post(String pathAndQuery, byte[] body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (headers.length > 0) {
      request.headers(headers);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  HttpResponse<String> post(String pathAndQuery, String body, String... headers) throws IOException, InterruptedException {
    return post(pathAndQuery, body.getBytes(StandardCharsets.UTF_8), headers);
  }

  HttpResponse<String> send(String method, String pathAndQuery) throws IOException, InterruptedException {
    return send(method, pathAndQuery, HttpRequest.BodyPublishers.noBody());
  }

  /** Sends {@code body} with any method: with a {@code Content-Length}, or chunked from an input stream. */
  HttpResponse<String> send(String method, String pathAndQuery, HttpRequest.BodyPublisher body)
      throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri(pathAndQuery))
        .timeout(Duration.ofSeconds(20))
        .method(method, body)
        .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  /** Sends raw bytes over a plain socket and returns the response's status line. */
  String raw(byte[] request, boolean closeOutput) throws IOException {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port())) {
      socket.setSoTimeout(20_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      if (closeOutput) {
        socket.shutdownOutput();
      }
      InputStream in = socket.getInputStream();
      StringBuilder line = new StringBuilder();
      for (int c; (c = in.read()) != -1 && c != '\n'; ) {
        line.append((char) c);
      }
      return line.toString().trim();
    }
  }

  @Override
  public void close() {
    try {
      server.stop();
    } catch (Exception stopFailed) {
      throw new IllegalStateException("Jetty did not stop", stopFailed);
    }
  }
}

package io.github.callpush.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.callpush.PushReceiver;
import io.github.callpush.PushServlet;
import io.github.callpush.dedup.DedupStores;
import io.github.callpush.event.CallRecord;
import io.github.callpush.verify.TokenVerifier;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The load-test target: one Jetty serving the receiver at {@code /push} (token verification, a dedup
 * store, one listener) and, for comparison in the same container, servlets that only read the body and
 * answer 200: {@code /bare} does nothing else, {@code /jackson-tokens} also walks every JSON token of it
 * with Jackson's streaming parser (the least a receiver must do to tell a malformed body from a good
 * one), {@code /jackson-tree} also parses it with {@code readTree}. Usage: {@code LoadTarget PORT
 * [DEDUP_SPEC]} (default memory).
 */
public final class LoadTarget {

  /** The token the load script sends. */
  public static final String TOKEN = "bench-token";

  private LoadTarget() {}

  /** Starts the target and blocks until the process is stopped. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    String dedup = args.length > 1 ? args[1] : "memory";
    LongAdder handled = new LongAdder();
    PushReceiver receiver = PushReceiver.builder()
        .verifier(TokenVerifier.builder().token(TOKEN).build())
        .dedupStore(DedupStores.fromSpec(dedup))
        .on("count", CallRecord.class, cdr -> handled.increment())
        .build();
    ObjectMapper mapper = new ObjectMapper();
    Map<String, Servlet> servlets = new LinkedHashMap<>();
    servlets.put("/push", new PushServlet(receiver));
    servlets.put("/bare", new FloorServlet(body -> {}));
    servlets.put("/jackson-tokens", new FloorServlet(body -> {
      try (JsonParser parser = mapper.createParser(body)) {
        while (parser.nextToken() != null) {
          // every token is read and checked; nothing is kept
        }
      }
    }));
    servlets.put("/jackson-tree", new FloorServlet(mapper::readTree));
    Server server = serve(port, servlets);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("handled=" + handled.sum());
    }));
    System.out.println("listening on " + server.getURI() + " dedup=" + dedup);
    server.join();
  }

  /** Starts a Jetty on 127.0.0.1:{@code port} serving each servlet at its path. */
  static Server serve(int port, Map<String, Servlet> servlets) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    servlets.forEach((path, servlet) -> context.addServlet(new ServletHolder(servlet), path));
    server.setHandler(context);
    server.start();
    return server;
  }

  /** What a floor servlet does with the body it read. */
  @FunctionalInterface
  interface BodyWork {
    void accept(byte[] body) throws IOException;
  }

  /**
   * Reads the whole body, does its work on it and answers 200 {@code success}: the floors any receiver
   * is measured against.
   */
  static final class FloorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final byte[] OK = "success".getBytes(StandardCharsets.UTF_8);

    private final transient BodyWork work;

    FloorServlet(BodyWork work) {
      this.work = work;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
      byte[] body;
      try (InputStream in = request.getInputStream()) {
        body = in.readAllBytes();
      }
      work.accept(body);
      response.setStatus(200);
      response.setContentType("text/plain; charset=utf-8");
      response.setContentLength(OK.length);
      response.getOutputStream().write(OK);
    }
  }
}

package io.github.callpush;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of a real server, whose connections a test can cut and refuse: point
 * a client at {@link #port()}, then {@link #cut()} and {@link #restore()} to simulate an outage.
 * Published in push-servlet's test-jar for the other modules' tests. Thread-safe.
 *
 * <pre>{@code
 * try (ChaosProxy proxy = new ChaosProxy(5432)) {
 *   dataSource.setURL("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test");
 *   proxy.cut();     // open connections drop, new ones are refused
 *   proxy.restore(); // new connections reach the server again
 * }
 * }</pre>
 */
public final class ChaosProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int upstreamPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean refusing;

  /**
   * Starts proxying a free loopback port to {@code 127.0.0.1:upstreamPort}.
   *
   * @throws IOException when no port can be opened
   */
  public ChaosProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "chaos-proxy-" + upstreamPort);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The loopback port clients connect to. */
  public int port() {
    return listener.getLocalPort();
  }

  /** Drops every open connection and refuses new ones until {@link #restore()}. */
  public void cut() {
    refusing = true;
    open.forEach(ChaosProxy::closeQuietly);
    open.clear();
  }

  /** Accepts new connections again after {@link #cut()}. */
  public void restore() {
    refusing = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (refusing) {
          closeQuietly(client);
          continue;
        }
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException closedOrRefused) {
        // the listener closed, or the server refused: the client sees its connection fail
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[8192];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        for (int read; (read = in.read(buffer)) != -1; ) {
          out.write(buffer, 0, read);
          out.flush();
        }
      } catch (IOException cut) {
        // one side went away
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "chaos-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException alreadyGone) {
      // nothing to do
    }
  }

  /** Cuts every connection and stops listening. */
  @Override
  public void close() throws IOException {
    cut();
    listener.close();
  }
}

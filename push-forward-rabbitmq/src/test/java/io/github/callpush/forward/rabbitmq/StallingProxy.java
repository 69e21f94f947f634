package io.github.callpush.forward.rabbitmq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on loopback in front of a server whose answers a test can hold back, as a broker that stops
 * answering does: {@link #stall()} keeps what the server sends from the client until {@link #resume()}.
 */
final class StallingProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int upstreamPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Object gate = new Object();
  private boolean stalled;

  StallingProxy(int upstreamPort) throws IOException {
    this.upstreamPort = upstreamPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    start(this::accept);
  }

  int port() {
    return listener.getLocalPort();
  }

  /** Holds the server's bytes back from the client. */
  void stall() {
    synchronized (gate) {
      stalled = true;
    }
  }

  /** Lets them through again. */
  void resume() {
    synchronized (gate) {
      stalled = false;
      gate.notifyAll();
    }
  }

  @Override
  public void close() throws IOException {
    resume();
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        open.add(client);
        open.add(upstream);
        start(() -> pump(client, upstream, false));
        start(() -> pump(upstream, client, true));
      }
    } catch (IOException closed) {
      // the proxy closed
    }
  }

  private void pump(Socket from, Socket to, boolean answers) {
    byte[] buffer = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      for (int read; (read = in.read(buffer)) != -1; ) {
        if (answers) {
          synchronized (gate) {
            while (stalled) {
              gate.wait();
            }
          }
        }
        out.write(buffer, 0, read);
        out.flush();
      }
    } catch (IOException | InterruptedException closed) {
      // a side closed: the other sees its connection end
    }
  }

  private static void start(Runnable task) {
    Thread thread = new Thread(task, "stalling-proxy");
    thread.setDaemon(true);
    thread.start();
  }
}

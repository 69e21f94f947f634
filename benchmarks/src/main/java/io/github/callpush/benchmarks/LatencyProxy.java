package io.github.callpush.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on loopback that delays every byte by a fixed time each way, in order: a broker behind it answers
 * as one across a network with that much one-way latency (the forwarding benchmark's {@code BROKER_DELAY_MS}). Each
 * connection and direction has a reader, which stamps what it read with when it is due, and a writer, which
 * passes it on then; so the delay adds to the round trip but does not limit the throughput. Its threads are
 * daemons named {@code callpush-latency-proxy-*}; {@link #close()} stops them.
 */
final class LatencyProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final int upstreamPort;
  private final long delayNanos;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();

  /** Proxies a free loopback port to {@code 127.0.0.1:upstreamPort}, {@code delay} each way. */
  LatencyProxy(int upstreamPort, Duration delay) throws IOException {
    this.upstreamPort = upstreamPort;
    this.delayNanos = delay.toNanos();
    this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    start("callpush-latency-proxy-" + upstreamPort, this::accept);
  }

  /** The loopback port clients connect to. */
  int port() {
    return listener.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (Socket socket : open) {
      socket.close();
    }
  }

  private void accept() {
    try {
      while (true) {
        Socket client = listener.accept();
        Socket server = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
        for (Socket socket : new Socket[] {client, server}) {
          socket.setTcpNoDelay(true);
          open.add(socket);
        }
        pipe(client, server, "up");
        pipe(server, client, "down");
      }
    } catch (IOException closed) {
      // the proxy is closed
    }
  }

  /** A reader and a writer passing {@code from}'s bytes to {@code to} once they are due. */
  private void pipe(Socket from, Socket to, String direction) throws IOException {
    InputStream in = from.getInputStream();
    OutputStream out = to.getOutputStream();
    BlockingQueue<Chunk> due = new LinkedBlockingQueue<>();
    String name = "callpush-latency-proxy-" + upstreamPort + "-" + from.getPort() + "-" + direction;
    start(name + "-read", () -> {
      byte[] buffer = new byte[64 * 1024];
      try {
        for (int read; (read = in.read(buffer)) >= 0; ) {
          due.add(new Chunk(System.nanoTime() + delayNanos, Arrays.copyOf(buffer, read)));
        }
      } catch (IOException closed) {
        // the connection is gone
      }
      due.add(Chunk.END);
    });
    start(name + "-write", () -> {
      try {
        for (Chunk chunk = due.take(); chunk != Chunk.END; chunk = due.take()) {
          for (long wait; (wait = chunk.dueNanos - System.nanoTime()) > 0; ) {
            LockSupport.parkNanos(wait);
          }
          out.write(chunk.bytes);
        }
      } catch (IOException | InterruptedException gone) {
        // the connection or the proxy is closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    });
  }

  private void closeQuietly(Socket socket) {
    open.remove(socket);
    try {
      socket.close();
    } catch (IOException alreadyClosed) {
      // nothing to do
    }
  }

  private static void start(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  /** Bytes read, and when they are to be written. */
  private record Chunk(long dueNanos, byte[] bytes) {
    static final Chunk END = new Chunk(0, new byte[0]);
  }
}

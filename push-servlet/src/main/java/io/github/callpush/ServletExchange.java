package io.github.callpush;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries one servlet request through a {@link PushReceiver} and writes its answer. */
final class ServletExchange {

  private static final Logger LOG = LoggerFactory.getLogger(ServletExchange.class);
  private static final int CHUNK = 8192;
  /** How many times the limit an oversize body may exceed it and still be read to its end before the 413. */
  private static final long DRAINED_OVER_LIMIT = 4;

  private ServletExchange() {}

  /**
   * Reads the body (never more than the receiver's limit) of every request but a HEAD, so
   * that a rejected request of any method reaches the dead-letter hook with its bytes; handles it, and answers.
   */
  static void handle(PushReceiver receiver, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    String method = request.getMethod();
    PushRequest.Builder builder = PushRequest.builder()
        .method(method)
        .queryString(request.getQueryString())
        .remoteAddress(request.getRemoteAddr());
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
        builder.header(name, values.nextElement());
      }
    }
    if ("HEAD".equalsIgnoreCase(method)) {
      write(receiver.handle(builder.build()), response);
      return;
    }
    byte[] body = readBody(receiver, request, response, builder);
    if (body == null) {
      return;
    }
    PushRequest push = builder.body(body).build();
    if (receiver.hasAckDeadline() && request.isAsyncSupported()) {
      AsyncContext async = request.startAsync();
      async.setTimeout(0);
      receiver.handleAsync(push).whenComplete((answer, failure) -> {
        try {
          if (failure != null) {
            LOG.error("push handling failed unexpectedly", failure);
            response.sendError(500);
          } else {
            write(answer, response);
          }
        } catch (IOException | IllegalStateException gone) {
          LOG.debug("could not send the answer; the platform will retry", gone);
        } finally {
          async.complete();
        }
      });
      return;
    }
    write(receiver.handle(push), response);
  }

  /**
   * Reads the body, or answers 400 (cut short) or 413 (over the limit) itself and returns null. A body
   * over the limit by no more than {@link #DRAINED_OVER_LIMIT} times the limit is read to its end, so the
   * 413 reaches a client that sends its whole body before reading the answer; a bigger one is refused at
   * once and its connection closed. Either way the dead letter gets what was read up to the limit.
   */
  private static byte[] readBody(PushReceiver receiver, HttpServletRequest request, HttpServletResponse response,
      PushRequest.Builder builder) throws IOException {
    int limit = receiver.settings().maxBodyBytes();
    long declared = request.getContentLengthLong();
    if (declared > limit) {
      byte[] prefix = new byte[0];
      boolean drained = false;
      if (declared - limit <= DRAINED_OVER_LIMIT * limit) {
        try (InputStream in = request.getInputStream()) {
          prefix = in.readNBytes(limit);
          drained = drainAtMost(in, declared - limit);
        } catch (IOException cut) {
          LOG.debug("an oversize body stopped arriving", cut);
        }
      }
      tooLarge(receiver, response, builder, prefix, drained);
      return null;
    }
    if (declared < 0) {
      return readChunked(receiver, request, response, builder, limit);
    }
    byte[] body = new byte[(int) declared];
    int read = 0;
    String incomplete = null;
    try (InputStream in = request.getInputStream()) {
      for (int n; read < body.length && (n = in.read(body, read, body.length - read)) > 0; ) {
        read += n;
      }
    } catch (IOException cut) {
      incomplete = cut.toString();
    }
    if (read < body.length) {
      write(receiver.refuse(builder.body(Arrays.copyOf(body, read)).build(), new Rejection.Unreadable("body ended after "
          + read + " of the " + declared + " bytes its Content-Length announced"
          + (incomplete == null ? "" : ": " + incomplete))), response);
      return null;
    }
    return body;
  }

  /** A body without a {@code Content-Length}: read up to the limit, then drained like an announced one. */
  private static byte[] readChunked(PushReceiver receiver, HttpServletRequest request, HttpServletResponse response,
      PushRequest.Builder builder, int limit) throws IOException {
    ByteArrayOutputStream chunked = new ByteArrayOutputStream();
    try (InputStream in = request.getInputStream()) {
      if (!copyAtMost(in, chunked, limit)) {
        tooLarge(receiver, response, builder, Arrays.copyOf(chunked.toByteArray(), limit),
            drainAtMost(in, DRAINED_OVER_LIMIT * limit));
        return null;
      }
    } catch (IOException incomplete) {
      write(receiver.refuse(builder.body(chunked.toByteArray()).build(),
          new Rejection.Unreadable("body could not be read in full: " + incomplete)), response);
      return null;
    }
    return chunked.toByteArray();
  }

  /** Answers 413; the connection stays open only when the whole body was read. */
  private static void tooLarge(PushReceiver receiver, HttpServletResponse response, PushRequest.Builder builder,
      byte[] prefix, boolean drained) throws IOException {
    if (!drained) {
      response.setHeader("Connection", "close");
    }
    write(receiver.refuse(builder.body(prefix).build(), new Rejection.TooLarge(receiver.settings().maxBodyBytes())),
        response);
  }

  /** Reads and drops at most {@code max} more bytes; true when the stream ended within them. */
  private static boolean drainAtMost(InputStream in, long max) throws IOException {
    return copyAtMost(in, OutputStream.nullOutputStream(), max);
  }

  /** Copies what the stream has, stopping once more than {@code max} bytes came; false when it had more. */
  private static boolean copyAtMost(InputStream in, OutputStream out, long max) throws IOException {
    byte[] chunk = new byte[CHUNK];
    long total = 0;
    for (int read; (read = in.read(chunk, 0, (int) Math.min(CHUNK, max + 1 - total))) > 0; ) {
      out.write(chunk, 0, read);
      total += read;
      if (total > max) {
        return false;
      }
    }
    return true;
  }

  private static void write(PushResponse answer, HttpServletResponse response) throws IOException {
    response.setStatus(answer.status());
    for (Map.Entry<String, String> header : answer.headers().entrySet()) {
      response.setHeader(header.getKey(), header.getValue());
    }
    if (answer.contentType() != null) {
      response.setContentType(answer.contentType());
    }
    response.setContentLength(answer.body().length);
    response.getOutputStream().write(answer.body());
  }
}

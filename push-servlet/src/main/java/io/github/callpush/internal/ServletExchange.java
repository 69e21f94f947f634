package io.github.callpush.internal;

import io.github.callpush.PushReceiver;
import io.github.callpush.PushRequest;
import io.github.callpush.PushResponse;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries one servlet request through a {@link PushReceiver} and writes its answer. */
public final class ServletExchange {

  private static final Logger LOG = LoggerFactory.getLogger(ServletExchange.class);
  private static final int CHUNK = 8192;

  private ServletExchange() {}

  /** Reads the body (never more than the receiver's limit), handles it, and answers. */
  public static void handle(PushReceiver receiver, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    PushRequest.Builder builder = PushRequest.builder()
        .method(request.getMethod())
        .queryString(request.getQueryString())
        .remoteAddress(request.getRemoteAddr());
    for (Enumeration<String> names = request.getHeaderNames(); names.hasMoreElements(); ) {
      String name = names.nextElement();
      for (Enumeration<String> values = request.getHeaders(name); values.hasMoreElements(); ) {
        builder.header(name, values.nextElement());
      }
    }
    if (!"POST".equalsIgnoreCase(request.getMethod())) {
      write(receiver.handle(builder.build()), response);
      return;
    }
    int limit = receiver.maxBodyBytes();
    if (request.getContentLengthLong() > limit) {
      response.setHeader("Connection", "close");
      write(receiver.tooLarge(builder.build(), new byte[0]), response);
      return;
    }
    long declared = request.getContentLengthLong();
    byte[] body;
    if (declared >= 0) {
      body = new byte[(int) declared];
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
        write(receiver.unreadable(builder.build(), Arrays.copyOf(body, read), "body ended after " + read + " of the "
            + declared + " bytes its Content-Length announced" + (incomplete == null ? "" : ": " + incomplete)),
            response);
        return;
      }
    } else {
      ByteArrayOutputStream chunked = new ByteArrayOutputStream();
      try (InputStream in = request.getInputStream()) {
        if (!readAtMost(in, chunked, limit)) {
          response.setHeader("Connection", "close");
          write(receiver.tooLarge(builder.build(), Arrays.copyOf(chunked.toByteArray(), limit)), response);
          return;
        }
      } catch (IOException incomplete) {
        write(receiver.unreadable(builder.build(), chunked.toByteArray(),
            "body could not be read in full: " + incomplete), response);
        return;
      }
      body = chunked.toByteArray();
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

  /** Copies at most {@code limit} bytes; false when the stream had more. */
  private static boolean readAtMost(InputStream in, ByteArrayOutputStream out, int limit) throws IOException {
    byte[] chunk = new byte[CHUNK];
    int total = 0;
    for (int read; (read = in.read(chunk, 0, Math.min(CHUNK, limit + 1 - total))) > 0; ) {
      out.write(chunk, 0, read);
      total += read;
      if (total > limit) {
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

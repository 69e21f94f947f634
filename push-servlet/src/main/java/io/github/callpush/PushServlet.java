package io.github.callpush;

import io.github.callpush.internal.InitParameters;
import io.github.callpush.internal.StartupLog;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The push endpoint as a servlet. Declare it in {@code web.xml} with init-params (see the README), or
 * put a ready {@link PushReceiver} in the servlet context attribute {@link #RECEIVER_ATTRIBUTE}, or
 * construct it with a receiver in code. Answers POSTs, and GETs carrying the older call-event push, with the
 * receiver; a HEAD or a bare GET answers a URL check.
 */
public class PushServlet extends HttpServlet {

  /** The servlet context attribute a ready {@link PushReceiver} may be put in. */
  public static final String RECEIVER_ATTRIBUTE = PushReceiver.class.getName();

  private static final long serialVersionUID = 1L;

  private transient PushReceiver receiver;
  private transient AutoCloseable closeOnDestroy;

  /** For {@code web.xml}: the receiver is made from the init-params at {@link #init()}. */
  public PushServlet() {}

  /** Serves {@code receiver}; closing it stays the caller's job. */
  public PushServlet(PushReceiver receiver) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
  }

  @Override
  public void init() throws ServletException {
    if (receiver == null) {
      InitParameters.ServedReceiver served;
      try {
        served = InitParameters.receiver(getServletConfig()::getInitParameter,
            getServletConfig().getInitParameterNames(), getServletContext());
      } catch (ServletException | RuntimeException failed) {
        throw StartupLog.failed("servlet " + getServletName(), failed);
      }
      receiver = served.receiver();
      closeOnDestroy = served.closeOnDestroy();
      StartupLog.started(mappings(), receiver);
    }
  }

  /** Where the container mapped this servlet, as {@code /app/callpush}. */
  private String mappings() {
    ServletRegistration registration = getServletContext().getServletRegistration(getServletName());
    String context = getServletContext().getContextPath();
    return registration == null || registration.getMappings().isEmpty() ? context + " (servlet " + getServletName()
        + ")" : registration.getMappings().stream().map(mapping -> context + mapping).collect(Collectors.joining(", "));
  }

  /** The receiver this servlet serves. */
  public PushReceiver receiver() {
    return receiver;
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ServletExchange.handle(receiver, request, response);
  }

  @Override
  public void destroy() {
    InitParameters.close(closeOnDestroy);
  }
}

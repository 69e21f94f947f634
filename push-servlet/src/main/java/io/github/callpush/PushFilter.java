package io.github.callpush;

import io.github.callpush.internal.InitParameters;
import io.github.callpush.internal.StartupLog;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The push endpoint as a filter, for apps whose front controller owns every URL: it answers requests
 * to its paths (init-param {@code paths}, comma-separated, relative to the context; default
 * {@code /callpush}) and passes every other request down the chain untouched.
 */
public class PushFilter implements Filter {

  /** The path served when none is configured. */
  public static final String DEFAULT_PATH = "/callpush";

  private PushReceiver receiver;
  private AutoCloseable closeOnDestroy;
  private List<String> paths;

  /** For {@code web.xml}: the receiver and paths are read from the init-params at {@link #init}. */
  public PushFilter() {}

  /** Serves {@code receiver} on {@code paths} (relative to the context); closing it stays the caller's job. */
  public PushFilter(PushReceiver receiver, String... paths) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
    this.paths = paths.length == 0 ? List.of(DEFAULT_PATH) : List.of(paths);
  }

  @Override
  public void init(FilterConfig config) throws ServletException {
    if (paths == null) {
      String configured = config.getInitParameter("paths");
      paths = configured == null ? List.of(DEFAULT_PATH)
          : Arrays.stream(configured.split(",")).map(String::trim).filter(path -> !path.isEmpty()).toList();
    }
    if (receiver == null) {
      InitParameters.ServedReceiver served;
      try {
        served = InitParameters.receiver(config::getInitParameter, config.getInitParameterNames(),
            config.getServletContext());
      } catch (ServletException | RuntimeException failed) {
        throw StartupLog.failed("filter " + config.getFilterName(), failed);
      }
      receiver = served.receiver();
      closeOnDestroy = served.closeOnDestroy();
      String context = config.getServletContext().getContextPath();
      StartupLog.started(paths.stream().map(path -> context + path).collect(Collectors.joining(", ")), receiver);
    }
  }

  /** Answers requests to this filter's paths; passes the others on. Rejects non-HTTP requests. */
  @Override
  public final void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse httpResponse)) {
      throw new ServletException("PushFilter handles HTTP requests only");
    }
    if (paths.contains(mappedPath(http))) {
      ServletExchange.handle(receiver, http, httpResponse);
    } else {
      chain.doFilter(request, response);
    }
  }

  /**
   * The request's path within the context as the container maps it to servlets: decoded, normalised and
   * without path parameters ({@code ;jsessionid=...}), with one trailing slash dropped, so that every
   * spelling of a path that reaches a servlet there reaches this filter's endpoint too.
   */
  private static String mappedPath(HttpServletRequest request) {
    String pathInfo = request.getPathInfo();
    String path = pathInfo == null ? request.getServletPath() : request.getServletPath() + pathInfo;
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  /** The receiver this filter serves. */
  public PushReceiver receiver() {
    return receiver;
  }

  @Override
  public void destroy() {
    InitParameters.close(closeOnDestroy);
  }
}

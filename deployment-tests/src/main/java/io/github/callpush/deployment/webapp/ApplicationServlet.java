package io.github.callpush.deployment.webapp;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The application behind a push filter: answers every request it gets {@value #ANSWER} and its path. */
public final class ApplicationServlet extends HttpServlet {

  /** What the body of every answer starts with. */
  public static final String ANSWER = "application:";

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/plain");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().print(ANSWER + request.getServletPath());
  }
}

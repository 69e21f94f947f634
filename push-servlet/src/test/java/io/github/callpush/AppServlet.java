package io.github.callpush;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The existing app behind a {@link PushFilter}: answers anything with 200 "app". */
public class AppServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setStatus(200);
    response.getWriter().write("app");
  }
}

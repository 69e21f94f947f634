package io.github.callpush;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The older call-event push and the webcall callback arrive as a GET whose query holds the push: this
 * tells such a GET from the platform's URL check, and turns it into the form body it stands for, so that
 * every later stage (decoding, the event key, dead letters) reads it as it reads a form POST.
 */
final class GetPush {

  /** A parameter any such push carries: a call's ids, numbers or state, or the webcall callback's result. */
  private static final String[] PUSH_PARAMETERS = {"CallSheetID", "CallID", "CallNo", "CalledNo", "CallState", "Message"};
  private static final String FORM = "application/x-www-form-urlencoded";

  private GetPush() {}

  /** Whether the request is a GET carrying a push, not a URL check. */
  static boolean isPush(PushRequest request) {
    if (!"GET".equals(request.method())) {
      return false;
    }
    for (String name : PUSH_PARAMETERS) {
      if (request.queryParameter(name) != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * The GET as the form POST it stands for: its query, as sent but without the credential parameters, is the
   * body; method, headers and peer stay.
   */
  static PushRequest asForm(PushRequest get, Set<String> credentialParameters) {
    StringJoiner form = new StringJoiner("&");
    for (String pair : get.queryString().split("&")) {
      int equals = pair.indexOf('=');
      String name = PushRequest.decode(equals < 0 ? pair : pair.substring(0, equals));
      if (!pair.isEmpty() && !credentialParameters.contains(name)) {
        form.add(pair);
      }
    }
    PushRequest.Builder builder = PushRequest.builder().method(get.method()).remoteAddress(get.remoteAddress())
        .body(form.toString().getBytes(StandardCharsets.UTF_8));
    get.headerNames().forEach(name -> {
      if (!"Content-Type".equalsIgnoreCase(name)) {
        get.headers(name).forEach(value -> builder.header(name, value));
      }
    });
    return builder.header("Content-Type", FORM).build();
  }
}

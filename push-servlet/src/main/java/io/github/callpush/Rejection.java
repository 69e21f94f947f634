package io.github.callpush;

/**
 * Why a request was refused before any listener ran. Its raw bytes go to the
 * {@linkplain PushObserver observers}, as a {@link DeadLetter}.
 */
public sealed interface Rejection extends Outcome {

  /** Why, as the answer's body says it (no secrets, no exception text of the listeners). */
  String reason();

  /**
   * Not a POST (405, with {@code Allow}).
   *
   * @param method the method used
   */
  record MethodNotAllowed(String method) implements Rejection {

    @Override
    public int status() {
      return 405;
    }

    @Override
    public String code() {
      return "method_not_allowed";
    }

    @Override
    public String reason() {
      return method + " is not allowed; the platform POSTs pushes";
    }
  }

  /**
   * The body is over the size limit (413); the dead letter keeps the limit's worth of it.
   *
   * @param limit the limit, in bytes
   */
  record TooLarge(int limit) implements Rejection {

    @Override
    public int status() {
      return 413;
    }

    @Override
    public String code() {
      return "too_large";
    }

    @Override
    public String reason() {
      return "body exceeds the limit of " + limit + " bytes";
    }
  }

  /**
   * The body could not be read in full: the client stopped, or sent less than it announced (400).
   *
   * @param reason what was read and what went wrong
   */
  record Unreadable(String reason) implements Rejection {

    @Override
    public int status() {
      return 400;
    }

    @Override
    public String code() {
      return "malformed";
    }
  }

  /**
   * Missing or wrong credentials (401).
   *
   * @param reason what the verifier found
   * @param challenge the {@code WWW-Authenticate} value to send, or null
   */
  record Unauthorized(String reason, String challenge) implements Rejection {

    @Override
    public int status() {
      return 401;
    }

    @Override
    public String code() {
      return "unauthorized";
    }
  }

  /**
   * The peer's address is not allowed (403).
   *
   * @param reason what the verifier found
   */
  record Forbidden(String reason) implements Rejection {

    @Override
    public int status() {
      return 403;
    }

    @Override
    public String code() {
      return "forbidden";
    }
  }

  /**
   * The body is not an event: not JSON in its charset, or not an object (400, naming line and column).
   *
   * @param reason what the decoder found
   */
  record Malformed(String reason) implements Rejection {

    @Override
    public int status() {
      return 400;
    }

    @Override
    public String code() {
      return "malformed";
    }
  }
}

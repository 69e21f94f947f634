package io.github.callpush.verify;

import io.github.callpush.PushRequest;
import io.github.callpush.internal.Placeholders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Accepts a request that carries one of the shared tokens in a query parameter or a header. Several
 * tokens may be valid at once, to rotate them; they are compared in constant time. Immutable and
 * thread-safe.
 */
public final class TokenVerifier implements PushVerifier {

  /** The query parameter read when no place is configured. */
  public static final String DEFAULT_QUERY_PARAMETER = "token";

  private final List<String> queryParameters;
  private final List<String> headers;
  private final SecretDigests tokens;

  private TokenVerifier(Builder builder) {
    boolean nowhere = builder.queryParameters.isEmpty() && builder.headers.isEmpty();
    this.queryParameters = nowhere ? List.of(DEFAULT_QUERY_PARAMETER) : List.copyOf(builder.queryParameters);
    this.headers = List.copyOf(builder.headers);
    this.tokens = new SecretDigests(builder.tokens);
  }

  /** A builder with no token, reading the query parameter {@code token} unless told otherwise. */
  public static Builder builder() {
    return new Builder();
  }

  /** Accepts when a configured place holds a valid token; 401 when none holds one. */
  @Override
  public Verification verify(PushRequest request) {
    List<String> presented = new ArrayList<>();
    queryParameters.forEach(name -> addPresent(presented, request.queryParameter(name)));
    headers.forEach(name -> addPresent(presented, request.header(name)));
    if (presented.isEmpty()) {
      return Verification.unauthorized("missing token");
    }
    boolean valid = false;
    for (String token : presented) {
      valid |= tokens.matches(token.getBytes(StandardCharsets.UTF_8));
    }
    return valid ? Verification.ok() : Verification.unauthorized("invalid token");
  }

  /** The query parameters it reads a token from. */
  @Override
  public Set<String> credentialParameters() {
    return Set.copyOf(queryParameters);
  }

  /** The headers it reads a token from. */
  @Override
  public Set<String> credentialHeaders() {
    return Set.copyOf(headers);
  }

  /** What it checks, without the tokens: {@code token (1 valid) in query parameter token}. */
  @Override
  public String toString() {
    List<String> places = new ArrayList<>();
    queryParameters.forEach(name -> places.add("query parameter " + name));
    headers.forEach(name -> places.add("header " + name));
    return "token (" + tokens.size() + " valid) in " + String.join(" or ", places);
  }

  private static void addPresent(List<String> presented, String value) {
    if (value != null && !value.isEmpty()) {
      presented.add(value);
    }
  }

  /** Settings of a {@link TokenVerifier}; each setter checks its value at once. */
  public static final class Builder {

    private final List<byte[]> tokens = new ArrayList<>();
    private final List<String> queryParameters = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();

    private Builder() {}

    /** Adds a valid token; call again for each token that is valid during a rotation. */
    public Builder token(String token) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      if (Placeholders.isUnresolved(token)) {
        throw new IllegalArgumentException("token is an unresolved ${...} placeholder: set the variable it names");
      }
      tokens.add(token.getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /** Adds a query parameter to read the token from; with no place set, {@code token} is read. */
    public Builder queryParameter(String name) {
      queryParameters.add(name("queryParameter", name));
      return this;
    }

    /** Adds a header to read the token from, such as {@code X-Callpush-Token}. */
    public Builder header(String name) {
      headers.add(name("header", name));
      return this;
    }

    /**
     * A verifier with these settings.
     *
     * @throws IllegalStateException when no token was set
     */
    public TokenVerifier build() {
      if (tokens.isEmpty()) {
        throw new IllegalStateException("token must be set at least once");
      }
      return new TokenVerifier(this);
    }

    private static String name(String setting, String name) {
      Objects.requireNonNull(name, setting);
      if (name.isBlank()) {
        throw new IllegalArgumentException(setting + " must not be blank but was \"" + name + "\"");
      }
      return name;
    }
  }
}

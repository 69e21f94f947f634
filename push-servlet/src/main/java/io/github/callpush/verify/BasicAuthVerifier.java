package io.github.callpush.verify;

import io.github.callpush.PushRequest;
import io.github.callpush.internal.Placeholders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Accepts a request with HTTP Basic credentials (RFC 7617, UTF-8) matching one of the configured
 * users; several users may be valid at once, to rotate them. Credentials are compared in constant
 * time. Immutable and thread-safe.
 */
public final class BasicAuthVerifier implements PushVerifier {

  private static final String SCHEME = "Basic";
  private static final String CHALLENGE = "Basic realm=\"callpush\", charset=\"UTF-8\"";

  private final SecretDigests credentials;

  private BasicAuthVerifier(Builder builder) {
    this.credentials = new SecretDigests(builder.credentials);
  }

  /** What it checks, without the users: {@code HTTP Basic (2 users)}. */
  @Override
  public String toString() {
    return "HTTP Basic (" + credentials.size() + (credentials.size() == 1 ? " user)" : " users)");
  }

  /** A builder with no user. */
  public static Builder builder() {
    return new Builder();
  }

  /** Accepts matching credentials; 401 with a {@code Basic} challenge when they are missing, malformed or wrong. */
  /** The {@code Authorization} header, which carries the password. */
  @Override
  public Set<String> credentialHeaders() {
    return Set.of("Authorization");
  }

  @Override
  public Verification verify(PushRequest request) {
    String authorization = request.header("Authorization");
    String trimmed = authorization == null ? "" : authorization.trim();
    if (!trimmed.regionMatches(true, 0, SCHEME + " ", 0, SCHEME.length() + 1)) {
      return Verification.unauthorized("missing credentials", CHALLENGE);
    }
    byte[] userPass;
    try {
      userPass = Base64.getDecoder().decode(trimmed.substring(SCHEME.length() + 1).trim());
    } catch (IllegalArgumentException notBase64) {
      return Verification.unauthorized("malformed credentials", CHALLENGE);
    }
    if (!containsColon(userPass)) {
      return Verification.unauthorized("malformed credentials", CHALLENGE);
    }
    return credentials.matches(userPass)
        ? Verification.ok()
        : Verification.unauthorized("invalid credentials", CHALLENGE);
  }

  private static boolean containsColon(byte[] userPass) {
    for (byte b : userPass) {
      if (b == ':') {
        return true;
      }
    }
    return false;
  }

  /** Settings of a {@link BasicAuthVerifier}; each setter checks its value at once. */
  public static final class Builder {

    private final List<byte[]> credentials = new ArrayList<>();

    private Builder() {}

    /** Adds a valid user name and password; the name must not contain {@code :}. */
    public Builder user(String username, String password) {
      Objects.requireNonNull(username, "username");
      Objects.requireNonNull(password, "password");
      if (username.isEmpty() || username.indexOf(':') >= 0) {
        throw new IllegalArgumentException("username must be non-empty and without ':' but was \"" + username + "\"");
      }
      if (password.isBlank()) {
        throw new IllegalArgumentException("password must not be blank");
      }
      if (Placeholders.isUnresolved(password)) {
        throw new IllegalArgumentException("password is an unresolved ${...} placeholder: set the variable it names");
      }
      credentials.add((username + ":" + password).getBytes(StandardCharsets.UTF_8));
      return this;
    }

    /**
     * A verifier with these settings.
     *
     * @throws IllegalStateException when no user was set
     */
    public BasicAuthVerifier build() {
      if (credentials.isEmpty()) {
        throw new IllegalStateException("user must be set at least once");
      }
      return new BasicAuthVerifier(this);
    }
  }
}

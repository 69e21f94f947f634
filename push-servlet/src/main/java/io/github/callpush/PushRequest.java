package io.github.callpush;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * One HTTP request carrying a push, as any container sees it: method, headers, query, the peer's
 * address and the raw body. Immutable; header names ignore case.
 */
public final class PushRequest {

  /** What a masked secret reads as. */
  static final String MASK = "****";

  private final String method;
  private final Map<String, List<String>> headers;
  private final Map<String, List<String>> query;
  private final String queryString;
  private final String remoteAddress;
  private final byte[] body;

  private PushRequest(Builder builder) {
    this(builder.method, Collections.unmodifiableMap(copy(builder.headers)),
        Collections.unmodifiableMap(copy(builder.query)), builder.queryString.toString(), builder.remoteAddress,
        builder.body);
  }

  private PushRequest(String method, Map<String, List<String>> headers, Map<String, List<String>> query,
      String queryString, String remoteAddress, byte[] body) {
    this.method = method;
    this.headers = headers;
    this.query = query;
    this.queryString = queryString;
    this.remoteAddress = remoteAddress;
    this.body = body;
  }

  /** A builder for a {@code POST} from {@code 127.0.0.1} with an empty body. */
  public static Builder builder() {
    return new Builder();
  }

  /** The HTTP method, upper case. */
  public String method() {
    return method;
  }

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a header, in order; empty when absent. */
  public List<String> headers(String name) {
    return headers.getOrDefault(name, List.of());
  }

  /** The first value of a query parameter, or null. */
  public String queryParameter(String name) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The query as sent, still URL-encoded, e.g. {@code token=abc&CallNo=010%2012}; empty when there is none. */
  public String queryString() {
    return queryString;
  }

  /** The address of the peer that opened the connection (a proxy's, behind one). */
  public String remoteAddress() {
    return remoteAddress;
  }

  /** The {@code Content-Type} header, or null. */
  public String contentType() {
    return header("Content-Type");
  }

  /** The raw body, exactly as received. The array is shared: do not modify it. */
  public byte[] body() {
    return body;
  }

  /**
   * This request with the values of the named query parameters (in the query and in {@link #queryString()})
   * and headers replaced by {@value #MASK}; this request itself when it has none of them.
   */
  PushRequest masking(Set<String> parameters, Set<String> headerNames) {
    boolean anyParameter = parameters.stream().anyMatch(query::containsKey);
    boolean anyHeader = headerNames.stream().anyMatch(headers::containsKey);
    if (!anyParameter && !anyHeader) {
      return this;
    }
    String maskedQueryString = queryString;
    if (anyParameter) {
      StringJoiner pairs = new StringJoiner("&");
      for (String pair : queryString.split("&", -1)) {
        int equals = pair.indexOf('=');
        boolean secret = parameters.contains(decode(equals < 0 ? pair : pair.substring(0, equals)));
        pairs.add(secret && equals >= 0 ? pair.substring(0, equals + 1) + MASK : pair);
      }
      maskedQueryString = pairs.toString();
    }
    return new PushRequest(method, masked(headers, headerNames, String.CASE_INSENSITIVE_ORDER),
        masked(query, parameters, null), maskedQueryString, remoteAddress, body);
  }

  private static Map<String, List<String>> masked(
      Map<String, List<String>> values, Set<String> names, Comparator<String> order) {
    if (names.stream().noneMatch(values::containsKey)) {
      return values;
    }
    Map<String, List<String>> masked = new TreeMap<>(order);
    masked.putAll(values);
    for (String name : names) {
      masked.computeIfPresent(name, (any, present) -> Collections.nCopies(present.size(), MASK));
    }
    return Collections.unmodifiableMap(masked);
  }

  /** The names of the headers present. */
  Set<String> headerNames() {
    return headers.keySet();
  }

  /** A URL-encoded name or value of a query, decoded as UTF-8; kept as it is when its escapes are malformed. */
  static String decode(String encoded) {
    try {
      return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return encoded;
    }
  }

  private static Map<String, List<String>> copy(Map<String, List<String>> source) {
    Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    source.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    return copy;
  }

  /** Builds a {@link PushRequest}. */
  public static final class Builder {

    private String method = "POST";
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final Map<String, List<String>> query = new TreeMap<>();
    private final StringBuilder queryString = new StringBuilder();
    private String remoteAddress = "127.0.0.1";
    private byte[] body = new byte[0];

    private Builder() {}

    /** The HTTP method; default {@code POST}. */
    public Builder method(String method) {
      this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
      return this;
    }

    /** Adds a header value. */
    public Builder header(String name, String value) {
      headers.computeIfAbsent(Objects.requireNonNull(name, "name"), any -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Adds a query parameter value. */
    public Builder queryParameter(String name, String value) {
      addToQuery(name, value);
      appendToQueryString(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
          + URLEncoder.encode(value, StandardCharsets.UTF_8));
      return this;
    }

    /** Adds every parameter of a raw, URL-encoded query string such as {@code token=abc&x=1}; null adds none. */
    public Builder queryString(String rawQuery) {
      if (rawQuery == null || rawQuery.isEmpty()) {
        return this;
      }
      for (String pair : rawQuery.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        addToQuery(decode(name), decode(value));
        appendToQueryString(pair);
      }
      return this;
    }

    /** The peer's address; default {@code 127.0.0.1}. */
    public Builder remoteAddress(String remoteAddress) {
      this.remoteAddress = Objects.requireNonNull(remoteAddress, "remoteAddress");
      return this;
    }

    /** The raw body; the array is kept, not copied. */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    /** The request. */
    public PushRequest build() {
      return new PushRequest(this);
    }

    private void addToQuery(String name, String value) {
      query.computeIfAbsent(Objects.requireNonNull(name, "name"), any -> new ArrayList<>())
          .add(Objects.requireNonNull(value, "value"));
    }

    private void appendToQueryString(String pair) {
      if (!queryString.isEmpty()) {
        queryString.append('&');
      }
      queryString.append(pair);
    }

  }
}

package io.github.callpush.verify;

import io.github.callpush.PushRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Accepts a request whose client address lies in an allowed block. The client is the peer, unless
 * the peer is a trusted proxy: then the proxy header is read from right to left, past the trusted
 * proxies, and the first other address is the client. Headers from an untrusted peer are ignored,
 * so they cannot be spoofed; an entry that is no address ends the walk with a refusal. Addresses
 * are parsed as literals, never looked up. Immutable and thread-safe.
 */
public final class IpAllowlistVerifier implements PushVerifier {

  /** The header in which trusted proxies name the addresses they forward for. */
  public enum ProxyHeader {
    /** {@code X-Forwarded-For: client, proxy1, proxy2}. */
    X_FORWARDED_FOR,
    /** RFC 7239 {@code Forwarded: for=client, for="[2001:db8::1]:4711"}. */
    FORWARDED
  }

  private final List<Cidr> allowed;
  private final List<Cidr> trustedProxies;
  private final ProxyHeader proxyHeader;

  private IpAllowlistVerifier(Builder builder) {
    this.allowed = List.copyOf(builder.allowed);
    this.trustedProxies = List.copyOf(builder.trustedProxies);
    this.proxyHeader = builder.proxyHeader;
  }

  /** A builder with nothing allowed, no trusted proxy and {@code X-Forwarded-For}. */
  public static Builder builder() {
    return new Builder();
  }

  /** What it checks: {@code IP allowlist 10.0.0.0/8, 2001:db8:0:0:0:0:0:0/32 (trusted proxies 127.0.0.1/32)}. */
  @Override
  public String toString() {
    return "IP allowlist " + allowed.stream().map(Cidr::toString).collect(Collectors.joining(", "))
        + (trustedProxies.isEmpty() ? ""
            : " (trusted proxies " + trustedProxies.stream().map(Cidr::toString).collect(Collectors.joining(", "))
                + ", header " + proxyHeader.name().replace('_', '-') + ")");
  }

  /** Accepts when the client address is allowed; 403 otherwise, also when it cannot be told. */
  @Override
  public Verification verify(PushRequest request) {
    byte[] client = clientAddress(request);
    return client != null && anyContains(allowed, client)
        ? Verification.ok()
        : Verification.forbidden("address not allowed");
  }

  /** The client's address, or null when the peer or an entry the walk reaches is no address. */
  private byte[] clientAddress(PushRequest request) {
    byte[] client = IpAddresses.parse(request.remoteAddress());
    if (client == null || !anyContains(trustedProxies, client)) {
      return client;
    }
    List<String> hops = proxyHeader == ProxyHeader.FORWARDED
        ? ForwardedHeaders.forwardedFor(request.headers("Forwarded"))
        : ForwardedHeaders.xForwardedFor(request.headers("X-Forwarded-For"));
    for (int i = hops.size() - 1; i >= 0; i--) {
      client = IpAddresses.parse(hops.get(i));
      if (client == null || !anyContains(trustedProxies, client)) {
        return client;
      }
    }
    return client;
  }

  private static boolean anyContains(List<Cidr> blocks, byte[] address) {
    return blocks.stream().anyMatch(block -> block.contains(address));
  }

  /** Settings of an {@link IpAllowlistVerifier}; each setter checks its value at once. */
  public static final class Builder {

    private final List<Cidr> allowed = new ArrayList<>();
    private final List<Cidr> trustedProxies = new ArrayList<>();
    private ProxyHeader proxyHeader = ProxyHeader.X_FORWARDED_FOR;

    private Builder() {}

    /** Allows an address or CIDR block, IPv4 or IPv6, such as {@code 203.0.113.0/24} or {@code 2001:db8::/32}. */
    public Builder allow(String cidr) {
      allowed.add(Cidr.parse("allow", cidr));
      return this;
    }

    /** Trusts the proxies in an address or CIDR block to name the client in the proxy header. */
    public Builder trustedProxy(String cidr) {
      trustedProxies.add(Cidr.parse("trustedProxy", cidr));
      return this;
    }

    /** The header the trusted proxies write (only that one is read); default {@code X-Forwarded-For}. */
    public Builder proxyHeader(ProxyHeader proxyHeader) {
      this.proxyHeader = Objects.requireNonNull(proxyHeader, "proxyHeader");
      return this;
    }

    /**
     * A verifier with these settings.
     *
     * @throws IllegalStateException when nothing was allowed
     */
    public IpAllowlistVerifier build() {
      if (allowed.isEmpty()) {
        throw new IllegalStateException("allow must be set at least once");
      }
      return new IpAllowlistVerifier(this);
    }
  }
}

package io.github.callpush.verify;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An address block such as {@code 10.0.0.0/8} or {@code 2001:db8::/32}; a bare address is a block of
 * one. Host bits are ignored ({@code 10.1.2.3/8} is {@code 10.0.0.0/8}); an IPv4-mapped IPv6 block of
 * prefix 96 or more is the IPv4 block it maps. Not API.
 */
final class Cidr {

  private final byte[] network;
  private final int prefix;

  private Cidr(byte[] network, int prefix) {
    this.network = network;
    this.prefix = prefix;
  }

  /**
   * Parses a block given for a setting.
   *
   * @throws IllegalArgumentException naming the setting and the value when it is no literal block
   */
  static Cidr parse(String setting, String text) {
    if (text == null) {
      throw new NullPointerException(setting);
    }
    int slash = text.indexOf('/');
    byte[] address = IpAddresses.parseLiteral(slash < 0 ? text : text.substring(0, slash));
    int prefix = address == null ? -1 : slash < 0 ? address.length * 8 : prefixLength(text.substring(slash + 1));
    if (address == null || prefix < 0 || prefix > address.length * 8) {
      throw new IllegalArgumentException(
          setting + " must be an IP address or CIDR block such as 10.0.0.0/8 but was \"" + text + "\"");
    }
    if (IpAddresses.isMapped(address) && prefix >= 96) {
      return new Cidr(masked(IpAddresses.lastFour(address), prefix - 96), prefix - 96);
    }
    return new Cidr(masked(address, prefix), prefix);
  }

  /** Whether an address (4 or 16 bytes, as {@link IpAddresses#parse} gives) lies in this block. */
  boolean contains(byte[] address) {
    return address.length == network.length && Arrays.equals(masked(address, prefix), network);
  }

  /** The block as {@code 10.0.0.0/8}. */
  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
    } catch (UnknownHostException impossible) { // only for a length other than 4 or 16
      throw new IllegalStateException(impossible);
    }
  }

  private static byte[] masked(byte[] address, int prefix) {
    byte[] masked = address.clone();
    for (int i = 0; i < masked.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - 8 * i));
      masked[i] &= (byte) (0xff00 >>> keep);
    }
    return masked;
  }

  /** 0 to 999 in decimal, else -1. */
  private static int prefixLength(String text) {
    if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return -1;
    }
    return Integer.parseInt(text);
  }
}

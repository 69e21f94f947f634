package io.github.callpush.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the chain of client addresses that proxies add to a request, left (first client) to right
 * (last proxy), from {@code X-Forwarded-For} or the RFC 7239 {@code Forwarded} header. An entry
 * that is not an address ({@code unknown}, an obfuscated name, a malformed element) is kept as null
 * so the caller can stop there. Never throws on what a peer sends. Not API.
 */
final class ForwardedHeaders {

  private ForwardedHeaders() {}

  /** The hosts of every {@code X-Forwarded-For} field value, in order, ports and brackets removed. */
  static List<String> xForwardedFor(List<String> fieldValues) {
    List<String> hosts = new ArrayList<>();
    for (String value : fieldValues) {
      for (String element : split(value, ',')) {
        hosts.add(hostOf(element));
      }
    }
    return hosts;
  }

  /** The hosts of the {@code for} parameters of every {@code Forwarded} element, in order. */
  static List<String> forwardedFor(List<String> fieldValues) {
    List<String> hosts = new ArrayList<>();
    for (String value : fieldValues) {
      for (String element : split(value, ',')) {
        hosts.add(hostOf(forParameter(element)));
      }
    }
    return hosts;
  }

  /** The unquoted value of an element's {@code for} parameter, or null when absent or malformed. */
  private static String forParameter(String element) {
    for (String pair : split(element, ';')) {
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("for")) {
        return unquote(pair.substring(equals + 1).trim());
      }
    }
    return null;
  }

  /** A token as is, a quoted-string without its quotes and escapes, or null when a quote is unclosed. */
  private static String unquote(String value) {
    if (value.isEmpty() || value.charAt(0) != '"') {
      return value;
    }
    StringBuilder unquoted = new StringBuilder(value.length());
    for (int i = 1; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        return i == value.length() - 1 ? unquoted.toString() : null;
      }
      if (c == '\\' && i + 1 < value.length()) {
        c = value.charAt(++i);
      }
      unquoted.append(c);
    }
    return null;
  }

  /** The non-blank, trimmed parts of a list, split at separators outside quoted strings. */
  private static List<String> split(String list, char separator) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (quoted && c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        addPart(parts, list.substring(start, i));
        start = i + 1;
      }
    }
    addPart(parts, list.substring(start));
    return parts;
  }

  private static void addPart(List<String> parts, String part) {
    if (!part.isBlank()) {
      parts.add(part.trim());
    }
  }

  /** The host of a node: {@code [v6]:port} and {@code v4:port} lose brackets and port; null when malformed. */
  private static String hostOf(String node) {
    if (node == null) {
      return null;
    }
    String trimmed = node.trim();
    if (trimmed.startsWith("[")) {
      int close = trimmed.indexOf(']');
      String rest = close < 0 ? null : trimmed.substring(close + 1);
      boolean portOrEnd = rest != null && (rest.isEmpty() || rest.charAt(0) == ':' && isPort(rest.substring(1)));
      return portOrEnd ? trimmed.substring(1, close) : null;
    }
    int colon = trimmed.indexOf(':');
    if (colon < 0 || colon != trimmed.lastIndexOf(':')) {
      return trimmed;
    }
    return isPort(trimmed.substring(colon + 1)) ? trimmed.substring(0, colon) : null;
  }

  /** A port number or an RFC 7239 obfuscated port such as {@code _8080}. */
  private static boolean isPort(String port) {
    return !port.isEmpty() && port.chars().allMatch(c -> Character.isLetterOrDigit(c) && c < 128 || c == '_' || c == '.' || c == '-');
  }
}

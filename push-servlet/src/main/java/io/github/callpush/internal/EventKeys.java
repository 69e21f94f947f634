package io.github.callpush.internal;

import io.github.callpush.event.PushEvent;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The dedup key of an event: its account and platform event id, or, when the platform sent no id, a
 * SHA-256 of the raw body. Length-prefixed so that no two accounts' keys can collide.
 */
public final class EventKeys {

  private EventKeys() {}

  /** The key of {@code event}, which arrived as {@code body}. */
  public static String of(PushEvent event, byte[] body) {
    String eventId = event.eventId();
    if (eventId == null) {
      return "sha256:" + sha256(body);
    }
    String account = event.accountId() == null ? "" : event.accountId();
    return "id:" + account.length() + ":" + account + ":" + eventId;
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every JVM has SHA-256", impossible);
    }
  }
}

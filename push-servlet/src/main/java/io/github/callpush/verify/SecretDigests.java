package io.github.callpush.verify;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The SHA-256 digests of the secrets a verifier accepts. A presented secret is digested and compared
 * with every accepted digest in constant time, so neither its content nor its length shows in the
 * time taken. Immutable and thread-safe. Not API.
 */
final class SecretDigests {

  /** Never updated, only cloned: each clone starts from this empty state. */
  private static final MessageDigest UNUSED_SHA_256 = newSha256();

  private final List<byte[]> digests;

  /** The digests of these secrets. */
  SecretDigests(List<byte[]> secrets) {
    this.digests = secrets.stream().map(SecretDigests::sha256).toList();
  }

  /** How many secrets are accepted. */
  int size() {
    return digests.size();
  }

  /** Whether the presented secret is one of the accepted ones. */
  boolean matches(byte[] presented) {
    byte[] digest = sha256(presented);
    boolean match = false;
    for (byte[] accepted : digests) {
      match |= MessageDigest.isEqual(accepted, digest);
    }
    return match;
  }

  static byte[] sha256(byte[] bytes) {
    MessageDigest digest;
    try {
      digest = (MessageDigest) UNUSED_SHA_256.clone(); // spares the provider lookup on every request
    } catch (CloneNotSupportedException notCloneable) {
      digest = newSha256();
    }
    return digest.digest(bytes);
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException required) {
      throw new IllegalStateException("every Java platform provides SHA-256", required);
    }
  }
}

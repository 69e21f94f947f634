package io.github.callpush.dedup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;
import redis.clients.jedis.params.SetParams;

/**
 * A {@link DedupStore} in Redis, shared by every node that uses the same server and key prefix. Needs
 * {@code redis.clients:jedis} on the class path (an optional dependency of callpush).
 *
 * <p>One string key per (event, listener), {@code prefix + length(eventKey) + ":" + eventKey + ":" +
 * listenerId}, holding {@code "L" + owner} while leased and {@code "C" + owner} once completed. Leases and
 * retention are the keys' time to live, on the Redis server's clock: a claim is a plain {@code SET NX PX}
 * (a refused one then reads the key, only to tell {@link Claim#COMPLETED} from {@link Claim#IN_FLIGHT}),
 * and completion and release are Lua scripts that check the owner, so each operation is one atomic round
 * trip. The scripts go by their SHA-1 ({@code EVALSHA}); a server that has not cached one yet gets it
 * whole once. An expired lease disappears at once, so its owner can no longer complete or release it
 * even when no one took it over; there is nothing to {@link #sweep}.
 *
 * <pre>{@code
 * DedupStore store = RedisDedupStore.builder(URI.create("redis://localhost:6379")).build();
 * }</pre>
 */
public final class RedisDedupStore implements DedupStore {

  /** The key prefix used unless {@link Builder#keyPrefix} says otherwise. */
  public static final String DEFAULT_KEY_PREFIX = "callpush:dedup:";

  /** How often a claim tries again when the key it failed to set vanished before it was read. */
  private static final int CLAIM_ATTEMPTS = 3;

  /** If the key holds the owner's lease, replaces it (ARGV[2], PX ARGV[3]) or deletes it (ARGV[2] empty). */
  private static final Script SETTLE = new Script(
      "if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end\n"
          + "if ARGV[2] == '' then redis.call('DEL', KEYS[1])\n"
          + "else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end\n"
          + "return 1");

  /** Far beyond any retention, and safe from overflow when Redis adds its clock. */
  private static final long MAX_TTL_MILLIS = 1L << 62;

  private final UnifiedJedis jedis;
  private final boolean ownsClient;
  private final String keyPrefix;
  private final String name;

  private RedisDedupStore(Builder builder) {
    this.ownsClient = builder.jedis == null;
    this.jedis = ownsClient ? new JedisPooled(builder.uri) : builder.jedis;
    this.keyPrefix = builder.keyPrefix;
    this.name = "RedisDedupStore[" + keyPrefix + "]";
  }

  /** A builder for a store over {@code jedis}, which the caller keeps and closes. */
  public static Builder builder(UnifiedJedis jedis) {
    return new Builder(Objects.requireNonNull(jedis, "jedis"), null);
  }

  /** A builder for a store with its own connection pool to {@code uri}, closed by {@link #close}. */
  public static Builder builder(URI uri) {
    return new Builder(null, Objects.requireNonNull(uri, "uri"));
  }

  /** {@code RedisDedupStore[key prefix]}, as its errors name it. */
  @Override
  public String toString() {
    return name;
  }

  /** The prefix of every key this store writes. */
  public String keyPrefix() {
    return keyPrefix;
  }

  @Override
  public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
    StoreArguments.requireNonNull(eventKey, listenerId, owner);
    SetParams setIfAbsent = SetParams.setParams().nx().px(ttl("lease", lease));
    String key = key(eventKey, listenerId);
    try {
      for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        if (jedis.set(key, "L" + owner, setIfAbsent) != null) {
          return Claim.ACQUIRED;
        }
        // The key was there when the claim failed: its value only decides between two refusals.
        String held = jedis.get(key);
        if (held != null) {
          return held.startsWith("C") ? Claim.COMPLETED : Claim.IN_FLIGHT;
        }
        // released or expired in between: claim again
      }
      return Claim.IN_FLIGHT;
    } catch (JedisException e) {
      throw DedupStoreException.unavailable(name, "claim", e);
    }
  }

  @Override
  public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
    StoreArguments.requireNonNull(eventKey, listenerId, owner);
    long retentionMillis = ttl("retention", retention);
    String key = key(eventKey, listenerId);
    return eval("complete", SETTLE, key, "L" + owner, "C" + owner, Long.toString(retentionMillis)) == 1;
  }

  @Override
  public boolean release(String eventKey, String listenerId, String owner) {
    StoreArguments.requireNonNull(eventKey, listenerId, owner);
    return eval("release", SETTLE, key(eventKey, listenerId), "L" + owner, "", "0") == 1;
  }

  /** Closes the connection pool if this store opened it from a URI; a given client stays open. */
  @Override
  public void close() {
    if (ownsClient) {
      jedis.close();
    }
  }

  private String key(String eventKey, String listenerId) {
    return keyPrefix + eventKey.length() + ':' + eventKey + ':' + listenerId;
  }

  private static long ttl(String name, Duration duration) {
    return Math.min(StoreArguments.positiveMillis(name, duration), MAX_TTL_MILLIS);
  }

  private long eval(String operation, Script script, String key, String... args) {
    try {
      List<String> keys = List.of(key);
      List<String> argv = List.of(args);
      Object answer;
      try {
        answer = jedis.evalsha(script.sha1, keys, argv);
      } catch (JedisNoScriptException notCached) {
        answer = jedis.eval(script.source, keys, argv); // the server caches it for the next EVALSHA
      }
      if (!(answer instanceof Long)) {
        throw new JedisException("unexpected script answer " + answer);
      }
      return (Long) answer;
    } catch (JedisException e) {
      throw DedupStoreException.unavailable(name, operation, e);
    }
  }

  /** A Lua script and the SHA-1 that {@code EVALSHA} names it by. */
  private record Script(String source, String sha1) {

    Script(String source) {
      this(source, sha1(source));
    }

    private static String sha1(String source) {
      try {
        return HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-1").digest(source.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException impossible) {
        throw new IllegalStateException("every JVM has SHA-1", impossible);
      }
    }
  }

  /** Settings of a {@link RedisDedupStore}; each setter checks its value at once. */
  public static final class Builder {

    private final UnifiedJedis jedis;
    private final URI uri;
    private String keyPrefix = DEFAULT_KEY_PREFIX;

    private Builder(UnifiedJedis jedis, URI uri) {
      this.jedis = jedis;
      this.uri = uri;
    }

    /** The prefix of every key, so that several stores or apps share one Redis; default {@code callpush:dedup:}. */
    public Builder keyPrefix(String keyPrefix) {
      Objects.requireNonNull(keyPrefix, "keyPrefix");
      if (keyPrefix.isEmpty()) {
        throw new IllegalArgumentException("keyPrefix must not be empty but was \"\"");
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /** A store with these settings; it does not connect until first used. */
    public RedisDedupStore build() {
      return new RedisDedupStore(this);
    }
  }
}

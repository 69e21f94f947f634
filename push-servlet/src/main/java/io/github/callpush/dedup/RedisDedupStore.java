package io.github.callpush.dedup;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A {@link DedupStore} in Redis, shared by every node that uses the same server and key prefix. Needs
 * {@code redis.clients:jedis} on the class path (an optional dependency of callpush).
 *
 * <p>One string key per (event, listener), {@code prefix + length(eventKey) + ":" + eventKey + ":" +
 * listenerId}, holding {@code "L" + owner} while leased and {@code "C" + owner} once completed. Leases and
 * retention are the keys' time to live, on the Redis server's clock: a claim is {@code SET NX PX} and
 * completion and release are Lua scripts that check the owner, so each operation is one atomic round
 * trip. The scripts go by their SHA-1 ({@code EVALSHA}); a server that has not cached one yet gets it
 * whole once. An expired lease disappears at once, so its owner can no longer complete or release it
 * even when no one took it over; there is nothing to {@link #sweep}.
 *
 * <p>Concurrent operations share round trips (group commit): a caller that finds none in progress sends
 * its command at once, alone, as before; the callers that come meanwhile wait, and the next round trip
 * carries up to 64 of their commands as one pipeline on one pooled connection, then each caller gets its
 * own answer. No thread of its own: the callers take turns sending. When a round trip fails every
 * operation in it throws {@link DedupStoreException}; as with a single command, one whose reply was lost
 * may have been applied. A client without pipelines ({@code UnifiedJedis} on one connection) sends the
 * batch's commands one by one.
 *
 * <pre>{@code
 * DedupStore store = RedisDedupStore.builder(URI.create("redis://localhost:6379")).build();
 * }</pre>
 */
public final class RedisDedupStore implements DedupStore {

  /** The key prefix used unless {@link Builder#keyPrefix} says otherwise. */
  public static final String DEFAULT_KEY_PREFIX = "callpush:dedup:";

  /** Sets a free key, else answers 2 for a completed one and 3 for a leased one. */
  private static final Script CLAIM = new Script(
      "if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end\n"
          + "if string.sub(redis.call('GET', KEYS[1]), 1, 1) == 'C' then return 2 end\n"
          + "return 3");

  /** If the key holds the owner's lease, replaces it (ARGV[2], PX ARGV[3]) or deletes it (ARGV[2] empty). */
  private static final Script SETTLE = new Script(
      "if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end\n"
          + "if ARGV[2] == '' then redis.call('DEL', KEYS[1])\n"
          + "else redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end\n"
          + "return 1");

  /** Far beyond any retention, and safe from overflow when Redis adds its clock. */
  private static final long MAX_TTL_MILLIS = 1L << 62;
  /** The most calls one pipeline carries. */
  private static final int MAX_BATCH = 64;

  private final UnifiedJedis jedis;
  private final boolean ownsClient;
  private final String keyPrefix;
  private final GroupCommit<Call> batches = new GroupCommit<>(MAX_BATCH, this::execute);
  /** False once the client turned out to have no pipelines (a {@code UnifiedJedis} on one connection). */
  private volatile boolean pipelines = true;

  private RedisDedupStore(Builder builder) {
    this.ownsClient = builder.jedis == null;
    this.jedis = ownsClient ? new JedisPooled(builder.uri) : builder.jedis;
    this.keyPrefix = builder.keyPrefix;
  }

  /** A builder for a store over {@code jedis}, which the caller keeps and closes. */
  public static Builder builder(UnifiedJedis jedis) {
    return new Builder(Objects.requireNonNull(jedis, "jedis"), null);
  }

  /** A builder for a store with its own connection pool to {@code uri}, closed by {@link #close}. */
  public static Builder builder(URI uri) {
    return new Builder(null, Objects.requireNonNull(uri, "uri"));
  }

  /** The prefix of every key this store writes. */
  public String keyPrefix() {
    return keyPrefix;
  }

  @Override
  public Claim claim(String eventKey, String listenerId, String owner, Duration lease) {
    long answer = submit(claimCall(eventKey, listenerId, owner, lease));
    return answer == 1 ? Claim.ACQUIRED : answer == 2 ? Claim.COMPLETED : Claim.IN_FLIGHT;
  }

  @Override
  public boolean complete(String eventKey, String listenerId, String owner, Duration retention) {
    return submit(completeCall(eventKey, listenerId, owner, retention)) == 1;
  }

  @Override
  public boolean release(String eventKey, String listenerId, String owner) {
    return submit(releaseCall(eventKey, listenerId, owner)) == 1;
  }

  /** A claim, answered 1 (acquired), 2 (completed) or 3 (in flight). */
  Call claimCall(String eventKey, String listenerId, String owner, Duration lease) {
    Args.requireClaim(eventKey, listenerId, owner);
    long leaseMillis = ttl("lease", lease);
    return new Call("claim", CLAIM, key(eventKey, listenerId), "L" + owner, Long.toString(leaseMillis));
  }

  /** A completion, answered 1 when the owner held the lease, else 0. */
  Call completeCall(String eventKey, String listenerId, String owner, Duration retention) {
    Args.requireClaim(eventKey, listenerId, owner);
    long retentionMillis = ttl("retention", retention);
    String key = key(eventKey, listenerId);
    return new Call("complete", SETTLE, key, "L" + owner, "C" + owner, Long.toString(retentionMillis));
  }

  /** A release, answered 1 when the owner held the lease, else 0. */
  Call releaseCall(String eventKey, String listenerId, String owner) {
    Args.requireClaim(eventKey, listenerId, owner);
    return new Call("release", SETTLE, key(eventKey, listenerId), "L" + owner, "", "0");
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
    return Math.min(Args.millis(name, duration), MAX_TTL_MILLIS);
  }

  private long submit(Call call) {
    return (Long) batches.run(call);
  }

  /**
   * Runs a batch: one call as one command, several as one pipeline on one pooled connection. Calls
   * whose script the server had not cached go again one by one, which caches it.
   */
  void execute(List<Call> batch) {
    if (batch.size() == 1 || !pipelines) {
      batch.forEach(this::evalAlone);
      return;
    }
    AbstractPipeline pipeline;
    try {
      pipeline = jedis.pipelined();
    } catch (IllegalStateException cannotPipeline) { // a client on a single connection
      pipelines = false;
      batch.forEach(this::evalAlone);
      return;
    } catch (JedisException e) {
      batch.forEach(call -> call.fail(unavailable(call, e)));
      return;
    }
    List<Call> uncached = new ArrayList<>();
    try (pipeline) {
      List<Response<Object>> answers = new ArrayList<>(batch.size());
      for (Call call : batch) {
        answers.add(pipeline.evalsha(call.script.sha1, call.keys, call.args));
      }
      pipeline.sync();
      for (int i = 0; i < batch.size(); i++) {
        Call call = batch.get(i);
        try {
          call.succeed(answer(answers.get(i).get()));
        } catch (JedisNoScriptException notCached) {
          uncached.add(call);
        } catch (JedisException e) {
          call.fail(unavailable(call, e));
        }
      }
    } catch (JedisException e) {
      batch.forEach(call -> call.fail(unavailable(call, e)));
    }
    uncached.forEach(this::evalAlone);
  }

  private void evalAlone(Call call) {
    try {
      Object answer;
      try {
        answer = jedis.evalsha(call.script.sha1, call.keys, call.args);
      } catch (JedisNoScriptException notCached) {
        answer = jedis.eval(call.script.source, call.keys, call.args); // the server caches it for the next EVALSHA
      }
      call.succeed(answer(answer));
    } catch (JedisException e) {
      call.fail(unavailable(call, e));
    }
  }

  private static Long answer(Object answer) {
    if (!(answer instanceof Long)) {
      throw new JedisException("unexpected script answer " + answer);
    }
    return (Long) answer;
  }

  private DedupStoreException unavailable(Call call, JedisException e) {
    return DedupStoreException.unavailable("RedisDedupStore[" + keyPrefix + "]", call.operation, e);
  }

  /** One script run on one key, waiting for its batch. */
  static final class Call extends GroupCommit.Call {

    final String operation;
    final Script script;
    final List<String> keys;
    final List<String> args;

    Call(String operation, Script script, String key, String... args) {
      this.operation = operation;
      this.script = script;
      this.keys = List.of(key);
      this.args = List.of(args);
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

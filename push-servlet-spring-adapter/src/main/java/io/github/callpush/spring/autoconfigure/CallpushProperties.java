package io.github.callpush.spring.autoconfigure;

import io.github.callpush.EndpointSettings;
import io.github.callpush.dedup.InMemoryDedupStore;
import io.github.callpush.dedup.JdbcDedupStore;
import io.github.callpush.dedup.RedisDedupStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * The {@code callpush.*} settings of the auto-configured endpoint. The path applies to whichever
 * {@code PushReceiver} is served; the rest configure the receiver the auto-configuration builds, bound to
 * {@link EndpointSettings}, whose constants are their defaults (and the stores' for the store settings). An
 * unknown {@code callpush.*} name stops the start (so that a misspelt setting never leaves the endpoint
 * open), as do a value that is an unresolved {@code ${...}} placeholder and an empty verification setting.
 */
@ConfigurationProperties(prefix = "callpush", ignoreUnknownFields = false)
public class CallpushProperties {

  /** Servlet path the platform pushes to. */
  private String path = "/callpush";

  /** Body of a 200 answer: empty, "success", or JSON such as {"code":0,"msg":"success"}. */
  private String ackBody = EndpointSettings.DEFAULT_ACK_BODY;

  /** Largest body accepted; larger ones are answered 413 unread. */
  private DataSize maxBodySize = DataSize.ofBytes(EndpointSettings.DEFAULT_MAX_BODY_BYTES);

  /** Zone of "yyyy-MM-dd HH:mm:ss" times in pushes. */
  private ZoneId timeZone = EndpointSettings.DEFAULT_TIME_ZONE;

  /** Answer 503 with Retry-After when listeners still run after this (below the platform's timeout); unset: none. */
  private Duration ackDeadline;

  /** Retry-After of 503 answers. */
  private Duration retryAfter = EndpointSettings.DEFAULT_RETRY_AFTER;

  /** Run listeners without dedup when the dedup store is down, instead of answering 503. */
  private boolean failOpen;

  /** Log phone numbers in full instead of masked (173****2391). */
  private boolean logPhoneNumbers;

  /** Also publish every event as a Spring application event, for @EventListener methods. */
  private boolean publishApplicationEvents;

  private final Verification verification = new Verification();

  private final Dedup dedup = new Dedup();

  private final DeadLetters deadLetters = new DeadLetters();

  private final Forward forward = new Forward();

  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  public String getAckBody() {
    return ackBody;
  }

  public void setAckBody(String ackBody) {
    this.ackBody = ackBody;
  }

  public DataSize getMaxBodySize() {
    return maxBodySize;
  }

  public void setMaxBodySize(DataSize maxBodySize) {
    this.maxBodySize = maxBodySize;
  }

  public ZoneId getTimeZone() {
    return timeZone;
  }

  public void setTimeZone(ZoneId timeZone) {
    this.timeZone = timeZone;
  }

  public Duration getAckDeadline() {
    return ackDeadline;
  }

  public void setAckDeadline(Duration ackDeadline) {
    this.ackDeadline = ackDeadline;
  }

  public Duration getRetryAfter() {
    return retryAfter;
  }

  public void setRetryAfter(Duration retryAfter) {
    this.retryAfter = retryAfter;
  }

  public boolean isFailOpen() {
    return failOpen;
  }

  public void setFailOpen(boolean failOpen) {
    this.failOpen = failOpen;
  }

  public boolean isLogPhoneNumbers() {
    return logPhoneNumbers;
  }

  public void setLogPhoneNumbers(boolean logPhoneNumbers) {
    this.logPhoneNumbers = logPhoneNumbers;
  }

  public boolean isPublishApplicationEvents() {
    return publishApplicationEvents;
  }

  public void setPublishApplicationEvents(boolean publishApplicationEvents) {
    this.publishApplicationEvents = publishApplicationEvents;
  }

  public Verification getVerification() {
    return verification;
  }

  public Forward getForward() {
    return forward;
  }

  /** Handing every push on to a message broker, acknowledged only once the broker confirmed. */
  public static class Forward {

    /**
     * Where: kafka://host:9092/topic (push-forward-kafka) or amqp://user:password@host:5672/vhost?exchange=callpush
     * (push-forward-rabbitmq), with that module on the classpath.
     */
    private String url;

    /**
     * Without url: forward to this broker the way the application connects to it, with push-forward-rabbitmq or
     * push-forward-kafka on the classpath: with a copy of its Spring AMQP connection factory's RabbitMQ factory
     * (one address) or its Spring Kafka producer factory's configuration where it has that bean, else with Spring
     * Boot's spring.rabbitmq.* (host, port, username, password, virtual-host, ssl.enabled) or spring.kafka.*
     * (bootstrap-servers, client-id, security.protocol, properties.*, producer.*) settings.
     */
    private Broker broker;

    /** The RabbitMQ exchange pushes are published to, with broker=rabbitmq. */
    private String exchange = "callpush";

    /** The Kafka topic pushes are published to, with broker=kafka (required there). */
    private String topic;

    /**
     * With broker: how long a push waits for the broker's confirm before it is answered 503 (the forwarder's
     * default, 5 s, when unset). With url, the URL gives it (deadline.ms=, confirm-timeout-ms=).
     */
    private Duration deadline;

    public String getUrl() {
      return url;
    }

    public void setUrl(String url) {
      this.url = url;
    }

    public Broker getBroker() {
      return broker;
    }

    public void setBroker(Broker broker) {
      this.broker = broker;
    }

    public String getExchange() {
      return exchange;
    }

    public void setExchange(String exchange) {
      this.exchange = exchange;
    }

    public String getTopic() {
      return topic;
    }

    public void setTopic(String topic) {
      this.topic = topic;
    }

    public Duration getDeadline() {
      return deadline;
    }

    public void setDeadline(Duration deadline) {
      this.deadline = deadline;
    }
  }

  /** A broker {@code callpush.forward.broker} connects to with Spring Boot's own settings for it. */
  public enum Broker {
    /** RabbitMQ, from {@code spring.rabbitmq.*}, publishing to {@code callpush.forward.exchange}. */
    RABBITMQ,
    /** Kafka, from {@code spring.kafka.*}, publishing to {@code callpush.forward.topic}. */
    KAFKA
  }

  public DeadLetters getDeadLetters() {
    return deadLetters;
  }

  /** Where rejected pushes are kept, beside any PushObserver bean of the application. */
  public static class DeadLetters {

    /** Keep every rejected push in this directory: its body as STEM.json, what was known of it as STEM.properties. */
    private Path directory;

    /** At most this many bodies stay in the directory; further ones are dropped, with one WARN. */
    private int maximum = EndpointSettings.DEFAULT_DEAD_LETTER_MAXIMUM;

    public Path getDirectory() {
      return directory;
    }

    public void setDirectory(Path directory) {
      this.directory = directory;
    }

    public int getMaximum() {
      return maximum;
    }

    public void setMaximum(int maximum) {
      this.maximum = maximum;
    }
  }

  public Dedup getDedup() {
    return dedup;
  }

  /**
   * Who may push; every configured check must pass. With none configured the application does not start,
   * unless {@code allow-unverified} is true.
   */
  public static class Verification {

    /** Serve pushes from anyone, with no check, on purpose (a test, a closed network); logs a WARN at start. */
    private boolean allowUnverified;

    /** Shared tokens, any of which is accepted (several during a rotation). */
    private List<String> tokens = new ArrayList<>();

    /** Query parameter carrying the token; with neither this nor a header set, "token". */
    private String tokenParameter;

    /** Header carrying the token, such as X-Callpush-Token. */
    private String tokenHeader;

    /** Standard Webhooks signing secrets, each "whsec_" + base64 (several during a rotation). */
    private List<String> hmacSecrets = new ArrayList<>();

    /** How far a signature's timestamp may lie from now, either way. */
    private Duration hmacTolerance = EndpointSettings.DEFAULT_HMAC_TOLERANCE;

    /** Addresses or CIDR blocks allowed to push, IPv4 or IPv6. */
    private List<String> ipAllowlist = new ArrayList<>();

    /** Proxies (addresses or CIDR blocks) trusted to name the client in X-Forwarded-For. */
    private List<String> trustedProxies = new ArrayList<>();

    /** HTTP Basic users and their passwords. */
    private Map<String, String> basicUsers = new LinkedHashMap<>();

    public boolean isAllowUnverified() {
      return allowUnverified;
    }

    public void setAllowUnverified(boolean allowUnverified) {
      this.allowUnverified = allowUnverified;
    }

    public List<String> getTokens() {
      return tokens;
    }

    public void setTokens(List<String> tokens) {
      this.tokens = tokens;
    }

    public String getTokenParameter() {
      return tokenParameter;
    }

    public void setTokenParameter(String tokenParameter) {
      this.tokenParameter = tokenParameter;
    }

    public String getTokenHeader() {
      return tokenHeader;
    }

    public void setTokenHeader(String tokenHeader) {
      this.tokenHeader = tokenHeader;
    }

    public List<String> getHmacSecrets() {
      return hmacSecrets;
    }

    public void setHmacSecrets(List<String> hmacSecrets) {
      this.hmacSecrets = hmacSecrets;
    }

    public Duration getHmacTolerance() {
      return hmacTolerance;
    }

    public void setHmacTolerance(Duration hmacTolerance) {
      this.hmacTolerance = hmacTolerance;
    }

    public List<String> getIpAllowlist() {
      return ipAllowlist;
    }

    public void setIpAllowlist(List<String> ipAllowlist) {
      this.ipAllowlist = ipAllowlist;
    }

    public List<String> getTrustedProxies() {
      return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
      this.trustedProxies = trustedProxies;
    }

    public Map<String, String> getBasicUsers() {
      return basicUsers;
    }

    public void setBasicUsers(Map<String, String> basicUsers) {
      this.basicUsers = basicUsers;
    }
  }

  /** Where the receiver remembers which listeners handled which events. */
  public static class Dedup {

    /** The store: memory (one node), jdbc (the application's DataSource) or redis. */
    private Type type = Type.MEMORY;

    /** How long a handled event is remembered; must outlast the platform's retries. */
    private Duration retention = EndpointSettings.DEFAULT_RETENTION;

    /** How long a running listener's claim holds before another delivery may take it over. */
    private Duration lease = EndpointSettings.DEFAULT_LEASE;

    /** How often expired entries are removed (the jdbc store's rows stay until then). */
    private Duration sweepInterval = EndpointSettings.DEFAULT_SWEEP_INTERVAL;

    /** Most entries the memory store keeps. */
    private long maximumSize = InMemoryDedupStore.DEFAULT_MAXIMUM_SIZE;

    /** Table of the jdbc store. */
    private String tableName = JdbcDedupStore.DEFAULT_TABLE_NAME;

    /** Whether the jdbc store creates its table and index when missing. */
    private boolean createTable;

    private final Redis redis = new Redis();

    public Type getType() {
      return type;
    }

    public void setType(Type type) {
      this.type = type;
    }

    public Duration getRetention() {
      return retention;
    }

    public void setRetention(Duration retention) {
      this.retention = retention;
    }

    public Duration getLease() {
      return lease;
    }

    public void setLease(Duration lease) {
      this.lease = lease;
    }

    public Duration getSweepInterval() {
      return sweepInterval;
    }

    public void setSweepInterval(Duration sweepInterval) {
      this.sweepInterval = sweepInterval;
    }

    public long getMaximumSize() {
      return maximumSize;
    }

    public void setMaximumSize(long maximumSize) {
      this.maximumSize = maximumSize;
    }

    public String getTableName() {
      return tableName;
    }

    public void setTableName(String tableName) {
      this.tableName = tableName;
    }

    public boolean isCreateTable() {
      return createTable;
    }

    public void setCreateTable(boolean createTable) {
      this.createTable = createTable;
    }

    public Redis getRedis() {
      return redis;
    }

    /** The dedup store kinds. */
    public enum Type {
      /** In this JVM; fine for one node. */
      MEMORY,
      /** A table in the application's {@code DataSource}, shared by every node. */
      JDBC,
      /** A Redis server shared by every node; needs {@code redis.clients:jedis}. */
      REDIS
    }

    /** The redis store's server. */
    public static class Redis {

      /** Server URL, such as redis://user:secret@host:6379/0; unset: the spring.data.redis.* settings. */
      private String url;

      /** Prefix of the store's keys. */
      private String keyPrefix = RedisDedupStore.DEFAULT_KEY_PREFIX;

      public String getUrl() {
        return url;
      }

      public void setUrl(String url) {
        this.url = url;
      }

      public String getKeyPrefix() {
        return keyPrefix;
      }

      public void setKeyPrefix(String keyPrefix) {
        this.keyPrefix = keyPrefix;
      }
    }
  }
}

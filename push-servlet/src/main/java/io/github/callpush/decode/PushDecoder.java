package io.github.callpush.decode;

import io.github.callpush.event.PushEvent;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns the raw bytes of a push into a typed {@link PushEvent}, tolerating what the platform really
 * sends: numbers for strings and strings for numbers, three time formats, {@code ""} for absent,
 * {@code extras} as an object or a JSON string, the {@code {"content":{...}}} wrapper, payloads
 * without {@code pushType}, and the older call-event push's form parameters. Immutable and thread-safe.
 *
 * <pre>{@code
 * PushDecoder decoder = PushDecoder.builder().zone(ZoneId.of("Asia/Shanghai")).build();
 * PushEvent event = decoder.decode(body, request.getContentType());
 * }</pre>
 */
public final class PushDecoder {

  /** The platform's zone for {@code yyyy-MM-dd HH:mm:ss} times unless configured otherwise. */
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

  private static final PushDecoder DEFAULTS = builder().build();

  private final ZoneId zone;
  private final Clock clock;
  private final JsonSource json;
  private final FormSource form;
  private final EventReader reader;
  private final FormPushReader formReader;

  private PushDecoder(Builder builder) {
    this.zone = builder.zone;
    this.clock = builder.clock;
    this.json = new JsonSource(
        new LocalTimes(zone), builder.maxNestingDepth, builder.maxStringLength, builder.maxNumberLength);
    this.form = new FormSource(builder.maxStringLength);
    this.reader = new EventReader(json);
    this.formReader = new FormPushReader(json);
  }

  /** A decoder with the default zone and limits. */
  public static PushDecoder defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The zone of times sent as {@code yyyy-MM-dd HH:mm:ss}. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * Decodes a UTF-8 body (a BOM is skipped; UTF-16 and UTF-32 are detected). The event keeps {@code body} to
   * parse {@link PushEvent#raw()} when that is first called, as most listeners never do: do not modify the
   * array afterwards (the same holds for every {@code decode} of bytes).
   *
   * @throws PushDecodingException when the body is not an event
   */
  public PushEvent decode(byte[] body) {
    return decode(body, null);
  }

  /**
   * Decodes a body in the charset its {@code Content-Type} names (UTF-8 when it names none). A form
   * ({@code application/x-www-form-urlencoded}) is the older call-event push or the webcall callback,
   * unless its body is JSON, as some senders declare it.
   *
   * @param contentType the request's {@code Content-Type}, may be null
   * @throws PushDecodingException when the body is not an event, or the charset is not supported
   */
  public PushEvent decode(byte[] body, String contentType) {
    return decode(body, contentType, clock.instant());
  }

  /**
   * Decodes a body as {@link #decode(byte[], String)} does, for a push received at {@code receivedAt}: the
   * {@link PushEvent#time()} of a push that carries no time of its own.
   *
   * @throws PushDecodingException when the body is not an event, or the charset is not supported
   */
  public PushEvent decode(byte[] body, String contentType, Instant receivedAt) {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Charset charset = charsetOf(contentType);
    if (FormSource.isForm(contentType, body)) {
      return formReader.read(form.parse(body, charset), receivedAt);
    }
    return read(json.scan(body, charset), receivedAt);
  }

  /**
   * Decodes a JSON body already read as text.
   *
   * @throws PushDecodingException when the body is not an event
   */
  public PushEvent decode(String body) {
    Objects.requireNonNull(body, "body");
    return read(json.scan(body), clock.instant());
  }

  private PushEvent read(JsonSource.ScannedBody body, Instant receivedAt) {
    return reader.read(body.members(), body.raw(), receivedAt);
  }

  /** The charset a {@code Content-Type} names, or null when it names none. */
  static Charset charsetOf(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String parameter : contentType.split(";")) {
      String trimmed = parameter.trim();
      if (trimmed.regionMatches(true, 0, "charset=", 0, "charset=".length())) {
        String name = trimmed.substring("charset=".length()).trim().replace("\"", "");
        try {
          return Charset.forName(name.toUpperCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException unknown) {
          throw PushDecodingException.unsupportedCharset(name, unknown);
        }
      }
    }
    return null;
  }

  /** Settings of a {@link PushDecoder}; each setter checks its value at once. */
  public static final class Builder {

    private ZoneId zone = DEFAULT_ZONE;
    private Clock clock = Clock.systemUTC();
    private int maxNestingDepth = 32;
    private int maxStringLength = 1 << 20;
    private int maxNumberLength = 64;

    private Builder() {}

    /** The zone of times sent as {@code yyyy-MM-dd HH:mm:ss}; default {@code Asia/Shanghai}. */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /** The clock that dates a push carrying no time of its own when no receive time is given; default the system's. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The deepest nesting of objects and arrays accepted; default 32. */
    public Builder maxNestingDepth(int maxNestingDepth) {
      this.maxNestingDepth = positive("maxNestingDepth", maxNestingDepth);
      return this;
    }

    /** The longest string value accepted, in characters; default 1 MiB. */
    public Builder maxStringLength(int maxStringLength) {
      this.maxStringLength = positive("maxStringLength", maxStringLength);
      return this;
    }

    /** The longest number accepted, in characters; default 64. */
    public Builder maxNumberLength(int maxNumberLength) {
      this.maxNumberLength = positive("maxNumberLength", maxNumberLength);
      return this;
    }

    /** A decoder with these settings. */
    public PushDecoder build() {
      return new PushDecoder(this);
    }

    private static int positive(String name, int value) {
      if (value <= 0) {
        throw new IllegalArgumentException(name + " must be positive but was " + value);
      }
      return value;
    }
  }
}

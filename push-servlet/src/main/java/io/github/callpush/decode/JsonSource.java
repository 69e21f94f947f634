package io.github.callpush.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Parses bodies into JSON trees under explicit limits, turning every failure into a {@link PushDecodingException}. */
final class JsonSource {

  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ObjectMapper mapper;

  JsonSource(int maxNestingDepth, int maxStringLength, int maxNumberLength) {
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        .maxNestingDepth(maxNestingDepth)
        .maxStringLength(maxStringLength)
        .maxNumberLength(maxNumberLength)
        .build();
    JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
    this.mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
  }

  JsonNode parse(byte[] body, Charset charset) {
    try {
      if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
        int offset = startsWithBom(body) ? UTF8_BOM.length : 0;
        return checked(mapper.readTree(body, offset, body.length - offset));
      }
      // strict: a body in another charset than declared is rejected, not decoded into replacement characters
      return parse(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString());
    } catch (StreamConstraintsException tooMuch) {
      throw limitExceeded(tooMuch);
    } catch (JsonProcessingException malformed) {
      throw PushDecodingException.malformed(malformed);
    } catch (CharacterCodingException notInCharset) {
      throw PushDecodingException.notInCharset(charset.name(), notInCharset);
    } catch (CharConversionException badEncoding) {
      throw PushDecodingException.badEncoding(badEncoding);
    } catch (IOException unexpected) {
      throw new UncheckedIOException("reading an in-memory body", unexpected);
    }
  }

  JsonNode parse(String body) {
    String text = !body.isEmpty() && body.charAt(0) == '\uFEFF' ? body.substring(1) : body;
    try {
      return checked(mapper.readTree(text));
    } catch (StreamConstraintsException tooMuch) {
      throw limitExceeded(tooMuch);
    } catch (JsonProcessingException malformed) {
      throw PushDecodingException.malformed(malformed);
    }
  }

  /** Parses a string field that holds JSON (e.g. {@code extras}); null when it is not a JSON object. */
  JsonNode parseEmbeddedObject(String text) {
    if (text.isEmpty() || text.charAt(0) != '{') {
      return null;
    }
    try {
      JsonNode node = mapper.readTree(text);
      return node.isObject() ? node : null;
    } catch (JsonProcessingException notJson) {
      return null;
    }
  }

  private static JsonNode checked(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      throw PushDecodingException.emptyBody();
    }
    return node;
  }

  private static PushDecodingException limitExceeded(StreamConstraintsException cause) {
    String message = String.valueOf(cause.getOriginalMessage());
    PushDecodingException.Reason reason = message.contains("nesting depth")
        ? PushDecodingException.Reason.TOO_DEEP
        : PushDecodingException.Reason.TOO_LARGE;
    return PushDecodingException.limitExceeded(reason, cause);
  }

  private static boolean startsWithBom(byte[] body) {
    return body.length >= UTF8_BOM.length
        && body[0] == UTF8_BOM[0] && body[1] == UTF8_BOM[1] && body[2] == UTF8_BOM[2];
  }
}

package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses an {@code application/x-www-form-urlencoded} body (the older push's parameters) into an object of
 * name to value, an array for a repeated name, in the order sent. Values are percent-decoded in the charset
 * the {@code Content-Type} names; when it names none, as UTF-8, or as GB18030 (which GBK is part of) when
 * the bytes are not UTF-8, as some older senders encode them. A malformed escape is kept as it is.
 */
final class FormSource {

  /** The media type of a form body. */
  static final String MEDIA_TYPE = "application/x-www-form-urlencoded";

  private static final Charset GB18030 = Charset.forName("GB18030");

  private final JsonNodeFactory nodes = JsonNodeFactory.instance;
  private final int maxStringLength;

  FormSource(int maxStringLength) {
    this.maxStringLength = maxStringLength;
  }

  /** Whether a body of this {@code Content-Type} is a form: its media type says so and it does not start as JSON. */
  static boolean isForm(String contentType, byte[] body) {
    if (contentType == null || !contentType.regionMatches(true, 0, MEDIA_TYPE, 0, MEDIA_TYPE.length())) {
      return false;
    }
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        // some senders declare a form and send JSON: the body decides
        return b != '{' && b != '[' && b != (byte) 0xEF;
      }
    }
    return true;
  }

  ObjectNode parse(byte[] body, Charset charset) {
    ObjectNode form = nodes.objectNode();
    int start = 0;
    while (start <= body.length) {
      int end = indexOf(body, (byte) '&', start);
      if (end > start) {
        int equals = indexOf(body, (byte) '=', start);
        boolean hasValue = equals < end;
        String name = decode(body, start, hasValue ? equals : end, charset);
        String value = hasValue ? decode(body, equals + 1, end, charset) : "";
        add(form, name.strip(), value);
      }
      start = end + 1;
    }
    if (form.isEmpty()) {
      throw PushDecodingException.emptyForm();
    }
    return form;
  }

  private void add(ObjectNode form, String name, String value) {
    if (name.isEmpty()) {
      return;
    }
    JsonNode present = form.get(name);
    if (present == null) {
      form.put(name, value);
    } else if (present instanceof ArrayNode values) {
      values.add(value);
    } else {
      form.putArray(name).add(present).add(value);
    }
  }

  private String decode(byte[] body, int from, int to, Charset charset) {
    if (to - from > maxStringLength) {
      throw PushDecodingException.formValueTooLong(maxStringLength);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
    for (int i = from; i < to; i++) {
      byte b = body[i];
      if (b == '+') {
        bytes.write(' ');
      } else if (b == '%' && i + 2 < to && hex(body[i + 1]) >= 0 && hex(body[i + 2]) >= 0) {
        bytes.write(hex(body[i + 1]) << 4 | hex(body[i + 2]));
        i += 2;
      } else {
        bytes.write(b);
      }
    }
    byte[] decoded = bytes.toByteArray();
    if (charset != null) {
      return new String(decoded, charset);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded)).toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(decoded, GB18030);
    }
  }

  private static int hex(byte b) {
    return Character.digit(b, 16);
  }

  private static int indexOf(byte[] body, byte wanted, int from) {
    for (int i = from; i < body.length; i++) {
      if (body[i] == wanted) {
        return i;
      }
    }
    return body.length;
  }
}

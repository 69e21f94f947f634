package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The members of one JSON object, as the readers ask for them by name: off the token stream
 * ({@link ScannedMembers}, a JSON push) or from a tree ({@link #of}, a form push's parameters).
 */
interface Members {

  /**
   * The value of a member: a {@link JsonNode}, or a {@code String} for a JSON string, or for a member read as a
   * time the {@code java.time.Instant} its string holds; null when absent.
   */
  Object get(String name);

  /** The members of a member that is an object, or a string holding a JSON object; null for anything else. */
  Members object(String name);

  /** Whether a member is present and not {@code null}. */
  default boolean hasNonNull(String name) {
    Object value = get(name);
    return value != null && !(value instanceof JsonNode node && node.isNull());
  }

  /** The members of a tree; a string holding a JSON object is parsed into one by {@code json}. */
  static Members of(ObjectNode object, JsonSource json) {
    return new Members() {
      @Override
      public Object get(String name) {
        return object.get(name);
      }

      @Override
      public Members object(String name) {
        JsonNode value = object.get(name);
        if (value != null && value.isTextual()) {
          value = json.parseEmbeddedObject(value.textValue());
        }
        return value instanceof ObjectNode member ? of(member, json) : null;
      }
    };
  }
}

package io.github.callpush.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The members of {@link io.github.callpush.event.PushEvent#raw()}, parsed from the body only when first asked
 * for: most listeners never read the tree. It is an {@link ObjectNode}'s map, so {@code raw()} stays a plain
 * {@code ObjectNode} equal to the one {@code readTree} makes. Thread-safe to parse; the tree, once parsed, is
 * as safe as any {@code ObjectNode}.
 */
final class DeferredTree extends AbstractMap<String, JsonNode> {

  private Supplier<ObjectNode> parse;
  private volatile ObjectNode tree;

  private DeferredTree(Supplier<ObjectNode> parse) {
    this.parse = parse;
  }

  /** An object node whose members {@code parse} makes when first read; {@code parse} runs at most once. */
  static ObjectNode of(JsonSource json, Supplier<ObjectNode> parse) {
    return json.objectNode(new DeferredTree(parse));
  }

  private ObjectNode tree() {
    ObjectNode parsed = tree;
    if (parsed == null) {
      synchronized (this) {
        parsed = tree;
        if (parsed == null) {
          parsed = parse.get();
          tree = parsed;
          parse = null;
        }
      }
    }
    return parsed;
  }

  @Override
  public Set<Map.Entry<String, JsonNode>> entrySet() {
    return tree().properties();
  }

  @Override
  public int size() {
    return tree().size();
  }

  @Override
  public boolean containsKey(Object name) {
    return get(name) != null;
  }

  @Override
  public JsonNode get(Object name) {
    return name instanceof String member ? tree().get(member) : null;
  }

  @Override
  public JsonNode put(String name, JsonNode value) {
    return tree().replace(name, value);
  }

  @Override
  public JsonNode remove(Object name) {
    return name instanceof String member ? tree().remove(member) : null;
  }

  @Override
  public void clear() {
    tree().removeAll();
  }
}

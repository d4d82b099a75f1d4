package gcsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A YAML mapping whose keys have already been checked (known, not repeated, required ones
 * present), so the loaders can ask for values by key without re-checking. Keys keep file order.
 */
public final class YamlMap {
    /** One key with its value, both nodes kept for positions. */
    public record Entry(String key, Node keyNode, Node value) {}

    private final Node node;
    private final Map<String, Entry> entries;

    YamlMap(Node node, List<Entry> entries) {
        this.node = node;
        Map<String, Entry> byKey = new LinkedHashMap<>();
        for (Entry e : entries) {
            byKey.put(e.key(), e);
        }
        this.entries = Collections.unmodifiableMap(byKey);
    }

    /** The mapping node itself. */
    public Node node() {
        return node;
    }

    public boolean has(String key) {
        return entries.containsKey(key);
    }

    /** The value of {@code key}, or null when the key is absent. */
    public Node get(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.value();
    }

    /** The key node of {@code key}, or null when the key is absent. */
    public Node keyNode(String key) {
        Entry e = entries.get(key);
        return e == null ? null : e.keyNode();
    }

    /** All entries in file order. */
    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public int size() {
        return entries.size();
    }
}

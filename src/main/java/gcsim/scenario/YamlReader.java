package gcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Typed, positioned access to a composed YAML tree. Every accessor either returns a value of the
 * asked type or throws a {@link ScenarioException} pointing at the node, in the
 * {@code what is wrong (what is accepted)} form, so the loaders read like the file format.
 *
 * <p>It also counts the nodes it visits: aliases share nodes, and a document of a few kilobytes
 * can otherwise stand for millions of operations.
 */
public final class YamlReader {
    /** Most nodes visited while loading one file, aliases counted each time they are used. */
    public static final int MAX_NODES = 100_000;

    private final String file;
    private int visited;

    public YamlReader(String file) {
        this.file = file;
    }

    public String file() {
        return file;
    }

    /** Where {@code node} starts (1-based). */
    public Pos pos(Node node) {
        return node.getStartMark().map(m -> YamlGuard.pos(file, m)).orElse(new Pos(file, 1, 1));
    }

    public ScenarioException error(Node node, String what) {
        return new ScenarioException(pos(node), what);
    }

    /**
     * {@code node} as a mapping whose keys are all in {@code accepted} (any key when null), none
     * repeated, and every one of {@code required} present. {@code what} names the mapping in messages.
     */
    public YamlMap map(Node node, String what, List<String> accepted, List<String> required) throws ScenarioException {
        visit(node);
        if (!(node instanceof MappingNode mapping)) {
            String expected = accepted == null ? "a mapping" : "a mapping with keys " + String.join(", ", accepted);
            throw error(node, what + " is " + describe(node) + " (expected " + expected + ")");
        }
        List<YamlMap.Entry> entries = new ArrayList<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            visit(keyNode);
            if (!(keyNode instanceof ScalarNode scalar)) {
                throw error(keyNode, "a key in " + what + " is " + describe(keyNode) + " (keys are plain strings)");
            }
            String key = scalar.getValue();
            Node first = seen.putIfAbsent(key, keyNode);
            if (first != null) {
                Pos p = pos(first);
                throw error(keyNode, "duplicate key " + Text.quote(key) + " in " + what
                        + " (first at " + p.line() + ":" + p.column() + "; each key may appear once)");
            }
            if (accepted != null && !accepted.contains(key)) {
                throw error(keyNode, "unknown key " + Text.quote(key) + " in " + what
                        + " (accepted: " + String.join(", ", accepted) + ")");
            }
            entries.add(new YamlMap.Entry(key, keyNode, tuple.getValueNode()));
        }
        for (String key : required) {
            if (!seen.containsKey(key)) {
                throw error(node, "missing key " + Text.quote(key) + " in " + what
                        + " (required: " + String.join(", ", required) + ")");
            }
        }
        return new YamlMap(node, entries);
    }

    /** {@code node} as a list; {@code expected} describes the items, e.g. "a list of names". */
    public List<Node> list(Node node, String what, String expected) throws ScenarioException {
        visit(node);
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, what + " is " + describe(node) + " (expected " + expected + ")");
        }
        return sequence.getValue();
    }

    /** A string scalar; numbers, booleans and null must be quoted to count as strings. */
    public String string(Node node, String what) throws ScenarioException {
        visit(node);
        if (node instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            return scalar.getValue();
        }
        String hint = node instanceof ScalarNode ? "; quote it to make it a string" : "";
        throw error(node, what + " is " + describe(node) + " (expected a string" + hint + ")");
    }

    /** A string matching {@code pattern}; {@code rule} says in words what the pattern accepts. */
    public String name(Node node, String what, Pattern pattern, String rule) throws ScenarioException {
        String value = string(node, what);
        if (value.length() > Text.MAX_NAME) {
            throw error(node, what + " " + Text.quote(value) + " is too long: " + value.length() + " characters (at most "
                    + Text.MAX_NAME + ")");
        }
        if (!pattern.matcher(value).matches()) {
            throw error(node, what + " " + Text.quote(value) + " is not a valid name (" + rule + ")");
        }
        return value;
    }

    /** {@code true} or {@code false}. */
    public boolean bool(Node node, String what) throws ScenarioException {
        visit(node);
        if (node instanceof ScalarNode scalar) {
            if (scalar.getValue().equals("true")) {
                return true;
            }
            if (scalar.getValue().equals("false")) {
                return false;
            }
        }
        throw error(node, what + " is " + describe(node) + " (expected true or false)");
    }

    /** A size in bytes, see {@link Quantities#size}. */
    public long size(Node node, String what) throws ScenarioException {
        return Quantities.size(scalarText(node, what, Quantities.SIZE_RULE), pos(node), what);
    }

    /** A duration in nanoseconds, see {@link Quantities#duration}. */
    public long duration(Node node, String what) throws ScenarioException {
        return Quantities.duration(scalarText(node, what, Quantities.DURATION_RULE), pos(node), what);
    }

    /** A plain integer from {@code min} to {@code max}. */
    public int integer(Node node, String what, int min, int max) throws ScenarioException {
        String rule = "an integer from " + min + " to " + max;
        return Quantities.integer(scalarText(node, what, rule), pos(node), what, min, max);
    }

    private String scalarText(Node node, String what, String rule) throws ScenarioException {
        visit(node);
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return scalar.getValue();
        }
        throw error(node, what + " is " + describe(node) + " (expected " + rule + ")");
    }

    private void visit(Node node) throws ScenarioException {
        visited++;
        if (visited > MAX_NODES) {
            throw error(node, "document is too large once aliases are expanded (at most " + MAX_NODES + " nodes)");
        }
    }

    /** What a node is, for "is X (expected Y)" messages. */
    public static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (!(node instanceof ScalarNode scalar)) {
            return "an unsupported node";
        }
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return "empty (null)";
        }
        if (Tag.BOOL.equals(tag)) {
            String v = scalar.getValue();
            return "the boolean " + (v.equals("true") || v.equals("false") ? v : Text.quote(v));
        }
        if (Tag.INT.equals(tag)) {
            return "the integer " + Text.quote(scalar.getValue());
        }
        if (Tag.FLOAT.equals(tag)) {
            return "the number " + Text.quote(scalar.getValue());
        }
        return "the string " + Text.quote(scalar.getValue());
    }
}

package gcsim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Loads the {@code processes} section and the operations inside it. Each operation names the Nix
 * function it runs, so its argument is checked against what that function accepts (a derivation
 * for write-derivation and build, a source for add-to-store and fetch-to-store), and start-after
 * chains are checked to end, since a process waiting on itself would never start.
 */
final class ProcessSection {
    static final Pattern PROCESS_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    static final String DEFAULT_USER = "user";
    static final int MAX_REPEAT_TIMES = 10_000;
    static final int MAX_REPEAT_DEPTH = 16;

    static final List<String> OPERATIONS = List.of("write-derivation", "add-to-store", "fetch-to-store",
            "is-valid-path", "use", "add-temp-root", "add-perm-root", "build", "collect-garbage",
            "set-free-space", "sleep", "reconnect", "exit", "repeat");
    private static final List<String> PROCESS_KEYS = List.of("name", "via-daemon", "user", "start", "ops");
    private static final String OP_EXPECTED =
            "a single-key mapping such as write-derivation: hosts.drv, or one of reconnect, exit, collect-garbage";

    private final YamlReader r;
    private final StoreSection store;
    /** Process name to the node of its name, for duplicate and after checks. */
    private final Map<String, Node> names = new LinkedHashMap<>();
    /** Process name to the node of its {@code after} value, when it starts after another. */
    private final Map<String, Node> afters = new LinkedHashMap<>();

    private ProcessSection(YamlReader r, StoreSection store) {
        this.r = r;
        this.store = store;
    }

    static List<ProcessSpec> load(YamlReader r, Node processes, StoreSection store) throws ScenarioException {
        ProcessSection s = new ProcessSection(r, store);
        List<Node> items = r.list(processes, "processes", "a list of processes, each a mapping with name and ops");
        if (items.isEmpty()) {
            throw r.error(processes, "processes is empty (at least one process)");
        }
        List<ProcessSpec> out = new ArrayList<>();
        for (Node item : items) {
            out.add(s.process(item));
        }
        s.checkAfters();
        return List.copyOf(out);
    }

    private ProcessSpec process(Node item) throws ScenarioException {
        YamlMap m = r.map(item, "process", PROCESS_KEYS, List.of("name", "ops"));
        Node nameNode = m.get("name");
        String name = r.name(nameNode, "process name", PROCESS_NAME, "letters, digits, _ and -");
        Node first = names.putIfAbsent(name, nameNode);
        if (first != null) {
            Pos p = r.pos(first);
            throw r.error(nameNode, "duplicate process name " + Text.quote(name) + " (first at " + p.line() + ":" + p.column()
                    + "; each process needs its own name)");
        }
        boolean viaDaemon = !m.has("via-daemon") || r.bool(m.get("via-daemon"), "via-daemon");
        String user = m.has("user") ? r.name(m.get("user"), "user", USER_NAME, "letters, digits, _ . and -") : DEFAULT_USER;
        Start start = m.has("start") ? start(name, m.get("start")) : new Start.At(0);
        List<Op> ops = ops(m.get("ops"), "ops", 0);
        return new ProcessSpec(name, viaDaemon, user, start, ops, r.pos(item));
    }

    private Start start(String process, Node node) throws ScenarioException {
        if (node instanceof MappingNode) {
            YamlMap m = r.map(node, "start", List.of("after"), List.of("after"));
            String after = r.string(m.get("after"), "start.after");
            afters.put(process, m.get("after"));
            return new Start.After(after);
        }
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return new Start.At(r.duration(node, "start"));
        }
        throw r.error(node, "start is " + YamlReader.describe(node) + " (expected a duration such as 0s or 100ms, or {after: PROCESS})");
    }

    private List<Op> ops(Node node, String what, int depth) throws ScenarioException {
        List<Node> items = r.list(node, what, "a list of operations");
        if (items.isEmpty()) {
            throw r.error(node, what + " is empty (at least one operation)");
        }
        List<Op> out = new ArrayList<>();
        for (Node item : items) {
            if (!out.isEmpty() && out.get(out.size() - 1) instanceof Op.Exit) {
                throw r.error(item, "operation after exit is never reached (exit must be the last operation of its list)");
            }
            out.add(op(item, depth));
        }
        return List.copyOf(out);
    }

    private Op op(Node node, int depth) throws ScenarioException {
        Pos pos = r.pos(node);
        if (node instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            String name = r.string(node, "operation");
            return switch (name) {
                case "reconnect" -> new Op.Reconnect(pos);
                case "exit" -> new Op.Exit(pos);
                case "collect-garbage" -> new Op.CollectGarbage(Long.MAX_VALUE, pos);
                default -> throw OPERATIONS.contains(name)
                        ? r.error(node, "operation " + Text.quote(name) + " needs an argument (write it as " + name + ": …)")
                        : r.error(node, "unknown operation " + Text.quote(name) + " (accepted: " + String.join(", ", OPERATIONS) + ")");
            };
        }
        if (!(node instanceof MappingNode)) {
            throw r.error(node, "operation is " + YamlReader.describe(node) + " (expected " + OP_EXPECTED + ")");
        }
        YamlMap m = r.map(node, "operation", OPERATIONS, List.of());
        if (m.size() != 1) {
            if (m.size() == 0) {
                throw r.error(node, "empty operation (expected " + OP_EXPECTED + ")");
            }
            List<YamlMap.Entry> entries = m.entries();
            throw r.error(entries.get(1).keyNode(), "an operation has exactly one key, but this one also has "
                    + Text.quote(entries.get(0).key()) + " (write each operation as its own list item)");
        }
        YamlMap.Entry entry = m.entries().get(0);
        String key = entry.key();
        Node arg = entry.value();
        return switch (key) {
            case "write-derivation" -> new Op.WriteDerivation(store.reference(arg, key, EnumSet.of(PathKind.DRV)), pos);
            case "add-to-store" -> new Op.AddToStore(store.reference(arg, key, EnumSet.of(PathKind.SOURCE)), pos);
            case "fetch-to-store" -> new Op.FetchToStore(store.reference(arg, key, EnumSet.of(PathKind.SOURCE)), pos);
            case "is-valid-path" -> new Op.IsValidPath(store.reference(arg, key, anyKind()), pos);
            case "use" -> new Op.Use(store.reference(arg, key, anyKind()), pos);
            case "add-temp-root" -> new Op.AddTempRoot(store.reference(arg, key, anyKind()), pos);
            case "add-perm-root" -> addPermRoot(arg, pos);
            case "build" -> new Op.Build(store.reference(arg, key, EnumSet.of(PathKind.DRV)), pos);
            case "collect-garbage" -> collectGarbage(arg, pos);
            case "set-free-space" -> new Op.SetFreeSpace(r.size(arg, key), pos);
            case "sleep" -> new Op.Sleep(r.duration(arg, key), pos);
            case "reconnect" -> noArgument(arg, key, new Op.Reconnect(pos));
            case "exit" -> noArgument(arg, key, new Op.Exit(pos));
            default -> repeat(arg, pos, depth); // "repeat": map() admitted only OPERATIONS
        };
    }

    private Op addPermRoot(Node arg, Pos pos) throws ScenarioException {
        YamlMap m = r.map(arg, "add-perm-root", List.of("path", "link"), List.of("path", "link"));
        String path = store.reference(m.get("path"), "add-perm-root", anyKind());
        String link = Links.absolute(r, m.get("link"), "link of add-perm-root");
        return new Op.AddPermRoot(path, link, pos);
    }

    private Op collectGarbage(Node arg, Pos pos) throws ScenarioException {
        if (isNull(arg)) {
            return new Op.CollectGarbage(Long.MAX_VALUE, pos);
        }
        YamlMap m = r.map(arg, "collect-garbage", List.of("max-freed"), List.of());
        long maxFreed = m.has("max-freed") ? r.size(m.get("max-freed"), "max-freed") : Long.MAX_VALUE;
        return new Op.CollectGarbage(maxFreed, pos);
    }

    private Op noArgument(Node arg, String key, Op op) throws ScenarioException {
        if (!isNull(arg)) {
            throw r.error(arg, key + " takes no argument, but has " + YamlReader.describe(arg) + " (write it as a plain - " + key + ")");
        }
        return op;
    }

    private Op repeat(Node arg, Pos pos, int depth) throws ScenarioException {
        YamlMap m = r.map(arg, "repeat", List.of("times", "ops"), List.of("times", "ops"));
        if (depth >= MAX_REPEAT_DEPTH) {
            throw new ScenarioException(pos, "repeat is nested too deep (at most " + MAX_REPEAT_DEPTH + " levels)");
        }
        int times = r.integer(m.get("times"), "times", 1, MAX_REPEAT_TIMES);
        return new Op.Repeat(times, ops(m.get("ops"), "repeat.ops", depth + 1), pos);
    }

    /** Every after names another known process, and following afters always ends. */
    private void checkAfters() throws ScenarioException {
        List<String> all = new ArrayList<>(names.keySet());
        for (Map.Entry<String, Node> e : afters.entrySet()) {
            String target = r.string(e.getValue(), "start.after");
            if (!names.containsKey(target)) {
                throw r.error(e.getValue(), "unknown process " + Text.quote(target) + " in start.after (processes: " + Text.list(all, 12) + ")");
            }
            if (target.equals(e.getKey())) {
                throw r.error(e.getValue(), "process " + Text.quote(target) + " cannot start after itself (name another process, or use a duration)");
            }
        }
        Map<String, Integer> state = new LinkedHashMap<>(); // 1: on the current walk, 2: done
        for (String p : afters.keySet()) {
            List<String> walk = new ArrayList<>();
            String at = p;
            while (at != null && !state.containsKey(at)) {
                state.put(at, 1);
                walk.add(at);
                Node after = afters.get(at);
                at = after == null ? null : ((ScalarNode) after).getValue();
            }
            if (at != null && state.get(at) == 1) {
                List<String> cycle = new ArrayList<>(walk.subList(walk.indexOf(at), walk.size()));
                cycle.add(at);
                throw r.error(afters.get(at), "start-after cycle: " + String.join(" -> ", cycle)
                        + " (no process on it could ever start)");
            }
            for (String w : walk) {
                state.put(w, 2);
            }
        }
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private static Set<PathKind> anyKind() {
        return EnumSet.allOf(PathKind.class);
    }
}

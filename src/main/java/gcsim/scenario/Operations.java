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
 * Loads the operations of processes and builders. Each operation names the Nix function it runs,
 * so its argument is checked against what that function accepts (a derivation for write-derivation
 * and build, a source for add-to-store and fetch-to-store). A builder runs inside a build while the
 * build holds its temp roots, so it may only do what a builder script does: sleep, signal, wait,
 * change the free space and read paths. Signals, waits and root links are noted for the checks that
 * need the whole file ({@link Events}, {@link RootLinks}).
 */
final class Operations {
    static final Pattern EVENT_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    static final String EVENT_RULE = "letters, digits, _ and -";
    static final int MAX_REPEAT_TIMES = 10_000;
    static final int MAX_REPEAT_DEPTH = 16;

    static final List<String> OPERATIONS = List.of("write-derivation", "add-to-store", "fetch-to-store",
            "builtins-path", "is-valid-path", "use", "add-temp-root", "add-perm-root", "symlink-root", "remove-root",
            "build", "build-derivation", "copy-paths", "import-derivation", "collect-garbage", "set-free-space", "sleep", "signal", "wait", "interrupt", "reconnect", "exit", "repeat");
    static final List<String> BUILDER_OPERATIONS = List.of("sleep", "signal", "wait", "set-free-space", "use");
    private static final String OP_EXPECTED =
            "a single-key mapping such as write-derivation: hosts.drv, or one of reconnect, exit, collect-garbage";
    private static final String BUILDER_OP_EXPECTED = "a single-key mapping such as sleep: 1s or signal: started";
    private static final String BUILD_EXPECTED = "a derivation name, or {drv: NAME, builder: [OPERATIONS]}";
    private static final String PAUSE_EXPECTED =
            "one {at: after-lock or after-roots, until: EVENT} mapping, or a list of them";

    private final YamlReader r;
    private final StoreSection store;
    private final Events events;
    private final RootLinks links;
    private final InterruptTargets interrupts;
    /** The process whose operations are being read. */
    private String process;

    Operations(YamlReader r, StoreSection store, Events events, RootLinks links, InterruptTargets interrupts) {
        this.r = r;
        this.interrupts = interrupts;
        this.store = store;
        this.events = events;
        this.links = links;
    }

    /** The operations of {@code process}, read from {@code node}, its {@code ops} list. */
    List<Op> ofProcess(String process, Node node) throws ScenarioException {
        this.process = process;
        return ops(node, "ops", 0);
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
        YamlMap.Entry entry = single(node, false);
        String key = entry.key();
        Node arg = entry.value();
        return switch (key) {
            case "write-derivation" -> new Op.WriteDerivation(store.reference(arg, key, EnumSet.of(PathKind.DRV)), pos);
            case "add-to-store" -> new Op.AddToStore(store.reference(arg, key, EnumSet.of(PathKind.SOURCE)), pos);
            case "fetch-to-store" -> new Op.FetchToStore(store.reference(arg, key, EnumSet.of(PathKind.SOURCE)), pos);
            case "builtins-path" -> new Op.BuiltinsPath(store.reference(arg, key, EnumSet.of(PathKind.SOURCE)), pos);
            case "copy-paths" -> new Op.CopyPaths(PathLists.read(r, store, arg, key), pos);
            case "import-derivation" -> importDerivation(arg, pos);
            case "build-derivation" -> {
                Op.Build b = build(arg, pos, key);
                yield new Op.BuildDerivation(b.drv(), b.builder(), pos);
            }
            case "is-valid-path" -> new Op.IsValidPath(store.reference(arg, key, anyKind()), pos);
            case "add-temp-root" -> new Op.AddTempRoot(store.reference(arg, key, anyKind()), pos);
            case "add-perm-root" -> addPermRoot(arg, pos);
            case "symlink-root" -> symlinkRoot(arg, pos);
            case "remove-root" -> links.readRemoval(r, arg, pos);
            case "build" -> build(arg, pos, key);
            case "collect-garbage" -> collectGarbage(arg, pos);
            case "interrupt" -> interrupts.read(r, process, arg, pos);
            case "reconnect" -> noArgument(arg, key, new Op.Reconnect(pos));
            case "exit" -> noArgument(arg, key, new Op.Exit(pos));
            case "repeat" -> repeat(arg, pos, depth);
            default -> simple(key, arg, pos); // use, set-free-space, sleep, signal, wait
        };
    }

    /** An operation a builder may run, which also runs the same way in a process. */
    private Op simple(String key, Node arg, Pos pos) throws ScenarioException {
        return switch (key) {
            case "use" -> new Op.Use(store.reference(arg, key, anyKind()), pos);
            case "set-free-space" -> new Op.SetFreeSpace(r.size(arg, key), pos);
            case "sleep" -> new Op.Sleep(r.duration(arg, key), pos);
            case "signal" -> {
                String event = r.name(arg, key, EVENT_NAME, EVENT_RULE);
                events.signal(process, event);
                yield new Op.Signal(event, pos);
            }
            case "wait" -> {
                String event = r.name(arg, key, EVENT_NAME, EVENT_RULE);
                events.await(process, event, arg, false);
                yield new Op.Wait(event, pos);
            }
            default -> throw new IllegalStateException("not a simple operation: " + key);
        };
    }

    /** The one entry of an operation mapping, whose key must be an operation accepted where it stands. */
    private YamlMap.Entry single(Node node, boolean inBuilder) throws ScenarioException {
        String what = inBuilder ? "builder operation" : "operation";
        String expected = inBuilder ? BUILDER_OP_EXPECTED : OP_EXPECTED;
        List<String> accepted = inBuilder ? BUILDER_OPERATIONS : OPERATIONS;
        if (!(node instanceof MappingNode)) {
            throw r.error(node, what + " is " + YamlReader.describe(node) + " (expected " + expected + ")");
        }
        YamlMap m = r.map(node, what, null, List.of());
        for (YamlMap.Entry e : m.entries()) {
            if (!accepted.contains(e.key())) {
                throw r.error(e.keyNode(), (OPERATIONS.contains(e.key())
                        ? "operation " + Text.quote(e.key()) + " cannot run in a builder"
                        : "unknown key " + Text.quote(e.key()) + " in " + what)
                        + " (accepted" + (inBuilder ? " in a builder: " : ": ") + String.join(", ", accepted) + ")");
            }
        }
        if (m.size() != 1) {
            if (m.size() == 0) {
                throw r.error(node, "empty " + what + " (expected " + expected + ")");
            }
            List<YamlMap.Entry> entries = m.entries();
            throw r.error(entries.get(1).keyNode(), "an operation has exactly one key, but this one also has "
                    + Text.quote(entries.get(0).key()) + " (write each operation as its own list item)");
        }
        return m.entries().get(0);
    }

    /** {@code import-derivation}: a derivation, or {drv, tolerate-collected}. */
    private Op importDerivation(Node arg, Pos pos) throws ScenarioException {
        String key = "import-derivation";
        if (arg instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            return new Op.ImportDerivation(store.reference(arg, key, EnumSet.of(PathKind.DRV)), pos);
        }
        if (!(arg instanceof MappingNode)) {
            throw r.error(arg, key + " is " + YamlReader.describe(arg)
                    + " (expected a derivation name, or {drv: NAME, tolerate-collected: true|false})");
        }
        YamlMap m = r.map(arg, key, List.of("drv", "tolerate-collected"), List.of("drv"));
        String drv = store.reference(m.get("drv"), key, EnumSet.of(PathKind.DRV));
        boolean tolerate = m.has("tolerate-collected") && r.bool(m.get("tolerate-collected"), "tolerate-collected");
        return new Op.ImportDerivation(drv, tolerate, pos);
    }

    private Op addPermRoot(Node arg, Pos pos) throws ScenarioException {
        YamlMap m = r.map(arg, "add-perm-root", List.of("path", "link"), List.of("path", "link"));
        String path = store.reference(m.get("path"), "add-perm-root", anyKind());
        String link = Links.absolute(r, m.get("link"), "link of add-perm-root");
        links.made(link);
        return new Op.AddPermRoot(path, link, pos);
    }

    private Op symlinkRoot(Node arg, Pos pos) throws ScenarioException {
        YamlMap m = r.map(arg, "symlink-root", List.of("path", "link"), List.of("path", "link"));
        String path = store.reference(m.get("path"), "symlink-root", anyKind());
        String link = Links.relative(r, m.get("link"), "link of symlink-root", "gcroots");
        links.made(link);
        return new Op.SymlinkRoot(path, link, pos);
    }

    /** {@code build} and {@code build-derivation}: a derivation, or {drv, builder}. */
    private Op.Build build(Node arg, Pos pos, String key) throws ScenarioException {
        if (arg instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            return new Op.Build(store.reference(arg, key, EnumSet.of(PathKind.DRV)), pos);
        }
        if (!(arg instanceof MappingNode)) {
            throw r.error(arg, key + " is " + YamlReader.describe(arg) + " (expected " + BUILD_EXPECTED + ")");
        }
        YamlMap m = r.map(arg, key, List.of("drv", "builder"), List.of("drv"));
        String drv = store.reference(m.get("drv"), key, EnumSet.of(PathKind.DRV));
        return new Op.Build(drv, m.has("builder") ? builder(m.get("builder")) : List.of(), pos);
    }

    private List<Op> builder(Node node) throws ScenarioException {
        List<Node> items = r.list(node, "builder", "a list of builder operations: " + String.join(", ", BUILDER_OPERATIONS));
        if (items.isEmpty()) {
            throw r.error(node, "builder is empty (at least one operation, or write the build as build: NAME)");
        }
        List<Op> out = new ArrayList<>();
        for (Node item : items) {
            if (item instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
                String name = r.string(item, "builder operation");
                String problem = BUILDER_OPERATIONS.contains(name) ? "needs an argument (write it as " + name + ": …; "
                        : OPERATIONS.contains(name) ? "cannot run in a builder (" : "is unknown (";
                throw r.error(item, "operation " + Text.quote(name) + " " + problem + "accepted in a builder: "
                        + String.join(", ", BUILDER_OPERATIONS) + ")");
            }
            YamlMap.Entry e = single(item, true);
            out.add(simple(e.key(), e.value(), r.pos(item)));
        }
        return List.copyOf(out);
    }

    private Op collectGarbage(Node arg, Pos pos) throws ScenarioException {
        if (isNull(arg)) {
            return new Op.CollectGarbage(Long.MAX_VALUE, pos);
        }
        YamlMap m = r.map(arg, "collect-garbage", List.of("max-freed", "pause"), List.of());
        long maxFreed = m.has("max-freed") ? r.size(m.get("max-freed"), "max-freed") : Long.MAX_VALUE;
        List<Op.GcPause> pauses = m.has("pause") ? pauses(m.get("pause")) : List.of();
        return new Op.CollectGarbage(maxFreed, pauses, pos);
    }

    private List<Op.GcPause> pauses(Node node) throws ScenarioException {
        List<Node> items = node instanceof MappingNode ? List.of(node) : r.list(node, "pause", PAUSE_EXPECTED);
        if (items.isEmpty()) {
            throw r.error(node, "pause is empty (expected " + PAUSE_EXPECTED + ")");
        }
        Map<Op.PausePoint, Node> seen = new LinkedHashMap<>();
        List<Op.GcPause> out = new ArrayList<>();
        for (Node item : items) {
            YamlMap m = r.map(item, "pause", List.of("at", "until"), List.of("at", "until"));
            Node atNode = m.get("at");
            String at = r.string(atNode, "at");
            Op.PausePoint point = switch (at) {
                case "after-lock" -> Op.PausePoint.AFTER_LOCK;
                case "after-roots" -> Op.PausePoint.AFTER_ROOTS;
                default -> throw r.error(atNode, "unknown pause point " + Text.quote(at)
                        + " (accepted: after-lock, after-roots)");
            };
            Node first = seen.putIfAbsent(point, atNode);
            if (first != null) {
                Pos p = r.pos(first);
                throw r.error(atNode, "pause at " + Text.quote(at) + " is given twice (first at " + p.line() + ":"
                        + p.column() + "; a collection passes each point once)");
            }
            String until = r.name(m.get("until"), "until", EVENT_NAME, EVENT_RULE);
            events.await(process, until, m.get("until"), true);
            out.add(new Op.GcPause(point, until));
        }
        return List.copyOf(out);
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

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag());
    }

    private static Set<PathKind> anyKind() {
        return EnumSet.allOf(PathKind.class);
    }
}

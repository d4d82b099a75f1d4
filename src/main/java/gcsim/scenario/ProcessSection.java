package gcsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Loads the {@code processes} section; their operations are read by {@link Operations}. Once all
 * processes are read it checks what needs the whole section: start-after chains end (a process
 * waiting on itself would never start), every interrupt names a daemon client ({@link InterruptTargets}),
 * every wait and pause can be released ({@link Events}),
 * and every removed root is one the scenario makes ({@link RootLinks}).
 */
final class ProcessSection {
    static final Pattern PROCESS_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    static final String DEFAULT_USER = "user";

    /** The start the search chooses at any scheduling point. */
    static final String ANY = "any";
    private static final String START_RULE = "a duration such as 0s or 100ms, {after: PROCESS}, {after: TIME-OR-PROCESS,"
            + " within: DURATION} for a start the search chooses in that window, or any";

    private static final List<String> PROCESS_KEYS = List.of("name", "via-daemon", "monitor-hangup", "user", "start", "ops");

    private final YamlReader r;
    private final Operations operations;
    /** Process name to the node of its name, for duplicate and after checks. */
    private final Map<String, Node> names = new LinkedHashMap<>();
    /** Process name to the node of its {@code after} value, when it starts after another. */
    private final Map<String, Node> afters = new LinkedHashMap<>();

    private ProcessSection(YamlReader r, Operations operations) {
        this.r = r;
        this.operations = operations;
    }

    /** The processes in file order; {@code roots} are the scenario's roots, which remove-root may name. */
    static List<ProcessSpec> load(YamlReader r, Node processes, StoreSection store, List<RootSpec> roots)
            throws ScenarioException {
        Events events = new Events();
        RootLinks links = new RootLinks(roots);
        InterruptTargets interrupts = new InterruptTargets();
        ProcessSection s = new ProcessSection(r, new Operations(r, store, events, links, interrupts));
        List<Node> items = r.list(processes, "processes", "a list of processes, each a mapping with name and ops");
        if (items.isEmpty()) {
            throw r.error(processes, "processes is empty (at least one process)");
        }
        List<ProcessSpec> out = new ArrayList<>();
        for (Node item : items) {
            out.add(s.process(item));
        }
        s.checkAfters();
        Map<String, Boolean> viaDaemon = new LinkedHashMap<>();
        for (ProcessSpec p : out) {
            viaDaemon.put(p.name(), p.viaDaemon());
        }
        interrupts.check(r, viaDaemon);
        events.check(r);
        links.check(r);
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
        boolean monitorHangup = m.has("monitor-hangup") && r.bool(m.get("monitor-hangup"), "monitor-hangup");
        if (monitorHangup && !viaDaemon) {
            throw r.error(m.get("monitor-hangup"), "monitor-hangup: process " + Text.quote(name)
                    + " opens the store itself (via-daemon: false); only a daemon client's worker watches for its hang-up");
        }
        String user = m.has("user") ? r.name(m.get("user"), "user", USER_NAME, "letters, digits, _ . and -") : DEFAULT_USER;
        Start start = m.has("start") ? start(name, m.get("start")) : new Start.At(0);
        List<Op> ops = operations.ofProcess(name, m.get("ops"));
        return new ProcessSpec(name, viaDaemon, monitorHangup, user, start, ops, r.pos(item));
    }

    /**
     * {@code start}: a duration, {@code any}, or {@code {after: X}} with an optional {@code within: D};
     * X is a duration when it begins with a digit, else the name of another process (its exit).
     */
    private Start start(String process, Node node) throws ScenarioException {
        if (node instanceof MappingNode) {
            YamlMap m = r.map(node, "start", List.of("after", "within"), List.of("after"));
            Node afterNode = m.get("after");
            String after = r.string(afterNode, "start.after");
            Start opens;
            if (!after.isEmpty() && Character.isDigit(after.charAt(0))) {
                opens = new Start.At(r.duration(afterNode, "start.after"));
            } else {
                afters.put(process, afterNode);
                opens = new Start.After(after);
            }
            return m.has("within") ? new Start.Window(opens, r.duration(m.get("within"), "start.within")) : opens;
        }
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            if (scalar.getValue().equals(ANY)) {
                return new Start.Any();
            }
            if (!scalar.getValue().isEmpty() && !Character.isDigit(scalar.getValue().charAt(0))) {
                throw r.error(node, "start " + Text.quote(scalar.getValue()) + " is neither a duration nor any"
                        + " (expected " + START_RULE + ")");
            }
            return new Start.At(r.duration(node, "start"));
        }
        throw r.error(node, "start is " + YamlReader.describe(node) + " (expected " + START_RULE + ")");
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
}

package gcsim.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads the {@code expect} section: the facts about the final store that the modelled source
 * asserts (a functional test's checks), which every complete execution must satisfy. Facts that
 * could never all hold are errors here rather than failures of every run: a name listed as both
 * valid and gone, or a path expected valid whose closure holds a path expected gone (a valid
 * path's references are valid too).
 */
final class ExpectSection {
    private static final List<String> KEYS = List.of("valid", "gone");

    private ExpectSection() {}

    /** The facts in file order: each list as written, the lists in the order their keys appear. */
    static List<Scenario.Expectation> load(YamlReader r, Node node, StoreSection store) throws ScenarioException {
        Map<String, Node> valid = new LinkedHashMap<>();
        Map<String, Node> gone = new LinkedHashMap<>();
        List<Scenario.Expectation> out = new ArrayList<>();
        for (YamlMap.Entry e : r.map(node, "expect", KEYS, List.of()).entries()) {
            boolean isValid = e.key().equals("valid");
            Map<String, Node> mine = isValid ? valid : gone;
            Map<String, Node> other = isValid ? gone : valid;
            String what = "expect." + e.key();
            for (Node item : r.list(e.value(), what, "a list of path or derivation names")) {
                String name = store.reference(item, what, EnumSet.allOf(PathKind.class));
                if (mine.putIfAbsent(name, item) != null) {
                    throw r.error(item, "duplicate entry " + Text.quote(name) + " in " + what + " (each name once)");
                }
                Node clash = other.get(name);
                if (clash != null) {
                    Pos p = r.pos(clash);
                    throw r.error(item, Text.quote(name) + " is in both expect.valid and expect.gone (also at " + p.line() + ":"
                            + p.column() + "; a path cannot be both)");
                }
                out.add(new Scenario.Expectation(isValid ? Scenario.Expectation.Kind.VALID : Scenario.Expectation.Kind.GONE,
                        name, r.pos(item)));
            }
        }
        checkClosures(r, valid, gone, store.paths());
        return List.copyOf(out);
    }

    /** No path expected valid reaches, through references, a path expected gone. */
    private static void checkClosures(YamlReader r, Map<String, Node> valid, Map<String, Node> gone, List<PathSpec> paths)
            throws ScenarioException {
        if (valid.isEmpty() || gone.isEmpty()) {
            return;
        }
        Map<String, List<String>> refs = new LinkedHashMap<>();
        for (PathSpec p : paths) {
            refs.put(p.name(), p.refs());
        }
        for (Map.Entry<String, Node> v : valid.entrySet()) {
            Set<String> seen = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(v.getKey()));
            while (!todo.isEmpty()) {
                String at = todo.pop();
                if (!seen.add(at)) {
                    continue;
                }
                if (gone.containsKey(at)) {
                    throw r.error(v.getValue(), Text.quote(v.getKey()) + " is expected valid but " + Text.quote(at)
                            + ", in its closure, is expected gone (a valid path's references are valid too)");
                }
                todo.addAll(refs.get(at));
            }
        }
    }
}

package gcsim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The argument of an operation that takes several store paths at once ({@code copy-paths}, as
 * {@code nix copy P Q} does): one declared name, or a non-empty list of distinct ones.
 */
final class PathLists {
    private PathLists() {}

    static List<String> read(YamlReader r, StoreSection store, Node arg, String key) throws ScenarioException {
        if (arg instanceof ScalarNode) {
            return List.of(store.reference(arg, key, EnumSet.allOf(PathKind.class)));
        }
        List<Node> items = r.list(arg, key, "a path name or a list of path names");
        if (items.isEmpty()) {
            throw r.error(arg, key + " is empty (at least one path)");
        }
        List<String> out = new ArrayList<>();
        for (Node item : items) {
            String name = store.reference(item, key, EnumSet.allOf(PathKind.class));
            if (out.contains(name)) {
                throw r.error(item, Text.quote(name) + " is listed twice in " + key + " (list each path once)");
            }
            out.add(name);
        }
        return List.copyOf(out);
    }
}

package gcsim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads the {@code roots} section: the permanent roots that exist before any process starts. Each
 * entry is exactly one of gcroot, indirect or profile, since those are the three places the
 * collector looks (§2.8) and each is found by a different walk.
 */
final class RootSection {
    private static final List<String> KINDS = List.of("gcroot", "indirect", "profile");
    private static final List<String> ROOT_KEYS = List.of("link", "path");

    private RootSection() {}

    static List<RootSpec> load(YamlReader r, Node roots, StoreSection store) throws ScenarioException {
        List<RootSpec> out = new ArrayList<>();
        Map<String, Node> links = new LinkedHashMap<>();
        for (Node item : r.list(roots, "roots", "a list of roots, each one of gcroot, indirect, profile")) {
            YamlMap m = r.map(item, "root", KINDS, List.of());
            if (m.size() != 1) {
                if (m.size() == 0) {
                    throw r.error(item, "empty root (expected exactly one of gcroot, indirect, profile)");
                }
                List<YamlMap.Entry> entries = m.entries();
                throw r.error(entries.get(1).keyNode(), "a root has exactly one of gcroot, indirect, profile, but this one also has "
                        + Text.quote(entries.get(0).key()) + " (write each root as its own list item)");
            }
            YamlMap.Entry entry = m.entries().get(0);
            String kindKey = entry.key();
            YamlMap root = r.map(entry.value(), kindKey, ROOT_KEYS, ROOT_KEYS);
            String link = switch (kindKey) {
                case "indirect" -> Links.absolute(r, root.get("link"), "link of an indirect root");
                case "profile" -> Links.relative(r, root.get("link"), "link of a profile root", "profiles");
                default -> Links.relative(r, root.get("link"), "link of a gcroot", "gcroots");
            };
            String path = store.reference(root.get("path"), kindKey + " root", EnumSet.allOf(PathKind.class));
            RootSpec.Kind kind = RootSpec.Kind.valueOf(kindKey.toUpperCase(java.util.Locale.ROOT));
            Node first = links.putIfAbsent(kindKey + " " + link, root.get("link"));
            if (first != null) {
                Pos p = r.pos(first);
                throw r.error(root.get("link"), "duplicate " + kindKey + " link " + Text.quote(link)
                        + " (first at " + p.line() + ":" + p.column() + "; a link points to one path)");
            }
            out.add(new RootSpec(kind, link, path, r.pos(item)));
        }
        return List.copyOf(out);
    }
}

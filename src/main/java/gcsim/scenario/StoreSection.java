package gcsim.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Loads the {@code store} section: sources, outputs and derivations, which share one namespace of
 * short names. It checks what the model relies on: every name resolves, references form no cycle
 * through other paths, and a path valid at the start has valid references (the store's closure
 * invariant). Other sections resolve their names through {@link #reference}.
 *
 * <p>Each derivation also becomes a {@link PathSpec} of kind DRV whose references are its input
 * derivations followed by its input sources; its inline outputs follow it as OUTPUT paths.
 */
final class StoreSection {
    static final Pattern PATH_NAME = Pattern.compile("[A-Za-z0-9+_?=-][A-Za-z0-9+._?=-]{0,210}");
    static final String PATH_NAME_RULE =
            "letters, digits and + - . _ ? =, not starting with '.', at most 211 characters";
    static final long DEFAULT_DRV_SIZE = 1024;

    private static final List<String> STORE_KEYS = List.of("paths", "derivations");
    private static final List<String> PATH_KEYS = List.of("name", "kind", "size", "refs", "deriver", "present");
    private static final List<String> PATH_REQUIRED = List.of("name", "kind", "size");
    private static final List<String> DRV_KEYS = List.of("name", "input-drvs", "input-srcs", "outputs", "size", "present");
    private static final List<String> OUTPUT_KEYS = List.of("name", "size", "refs", "present");
    private static final List<String> OUTPUT_REQUIRED = List.of("name", "size");

    /** A name written somewhere, with the node that wrote it. */
    record Ref(String name, Node node) {}

    /** A declared path or derivation before its references are resolved. */
    private static final class Decl {
        final String name;
        final PathKind kind;
        final Node node;
        final Node nameNode;
        long size;
        boolean present;
        List<Ref> refs = List.of();
        Ref deriver;
        boolean inlineOutput;
        List<Ref> inputDrvs = List.of();
        List<Ref> inputSrcs = List.of();
        final List<String> outputs = new ArrayList<>();
        /** What it refers to: refs, or for a derivation its input-drvs then input-srcs. */
        List<Ref> edges() {
            return kind == PathKind.DRV ? concat(inputDrvs, inputSrcs) : refs;
        }

        Decl(String name, PathKind kind, Node node, Node nameNode) {
            this.name = name;
            this.kind = kind;
            this.node = node;
            this.nameNode = nameNode;
        }
    }

    private final YamlReader r;
    private final Map<String, Decl> byName = new LinkedHashMap<>();

    private StoreSection(YamlReader r) {
        this.r = r;
    }

    /** Loads {@code store}, which may be null when the section is absent. */
    static StoreSection load(YamlReader r, Node store) throws ScenarioException {
        StoreSection s = new StoreSection(r);
        if (store != null) {
            YamlMap m = r.map(store, "store", STORE_KEYS, List.of());
            if (m.has("paths")) {
                for (Node item : r.list(m.get("paths"), "paths", "a list of paths, each a mapping with name, kind, size")) {
                    s.path(item);
                }
            }
            if (m.has("derivations")) {
                for (Node item : r.list(m.get("derivations"), "derivations", "a list of derivations, each a mapping with a name")) {
                    s.derivation(item);
                }
            }
        }
        s.resolve();
        s.checkCycles();
        s.checkPresence();
        return s;
    }

    /** Every path, in declaration order: store.paths, then each derivation followed by its inline outputs. */
    List<PathSpec> paths() {
        List<PathSpec> out = new ArrayList<>();
        for (Decl d : byName.values()) {
            List<String> refs = names(d.edges());
            out.add(new PathSpec(d.name, d.kind, d.size, refs, d.deriver == null ? null : d.deriver.name(), d.present, r.pos(d.node)));
        }
        return List.copyOf(out);
    }

    List<DerivationSpec> derivations() {
        List<DerivationSpec> out = new ArrayList<>();
        for (Decl d : byName.values()) {
            if (d.kind == PathKind.DRV) {
                out.add(new DerivationSpec(d.name, names(d.inputDrvs), names(d.inputSrcs), List.copyOf(d.outputs), d.size, r.pos(d.node)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Reads a name at {@code node} that must be declared with one of {@code kinds}; {@code what}
     * says who refers to it, e.g. "write-derivation".
     */
    String reference(Node node, String what, Set<PathKind> kinds) throws ScenarioException {
        String name = r.string(node, what);
        Decl d = byName.get(name);
        if (d == null) {
            List<String> declared = new ArrayList<>(byName.keySet());
            throw r.error(node, "unknown path or derivation " + Text.quote(name) + " in " + what + " ("
                    + (declared.isEmpty() ? "none declared; declare it under store.paths or store.derivations"
                    : "declared: " + Text.list(declared, 12)) + ")");
        }
        if (!kinds.contains(d.kind)) {
            List<String> fitting = new ArrayList<>();
            for (Decl other : byName.values()) {
                if (kinds.contains(other.kind)) {
                    fitting.add(other.name);
                }
            }
            throw r.error(node, what + " needs " + kindsText(kinds) + ", but " + Text.quote(name) + " is "
                    + article(d.kind) + " (" + (fitting.isEmpty() ? "none declared" : "declared: " + Text.list(fitting, 12)) + ")");
        }
        return name;
    }

    private void path(Node item) throws ScenarioException {
        YamlMap m = r.map(item, "path", PATH_KEYS, PATH_REQUIRED);
        String name = declaredName(m.get("name"), "path name");
        Node kindNode = m.get("kind");
        String kindText = r.string(kindNode, "kind");
        PathKind kind = switch (kindText) {
            case "source" -> PathKind.SOURCE;
            case "output" -> PathKind.OUTPUT;
            case "drv", "derivation" -> throw r.error(kindNode, "kind " + Text.quote(kindText)
                    + " is not accepted here (declare derivations under store.derivations; kind is source or output)");
            default -> throw r.error(kindNode, "unknown kind " + Text.quote(kindText) + " (accepted: source, output)");
        };
        noDrvSuffix(m.get("name"), name);
        Decl d = declare(name, kind, item, m.get("name"));
        d.size = r.size(m.get("size"), "size");
        d.refs = m.has("refs") ? refList(m.get("refs"), "refs") : List.of();
        if (m.has("deriver")) {
            if (kind != PathKind.OUTPUT) {
                throw r.error(m.keyNode("deriver"), "deriver is only accepted on outputs (kind: output), not on "
                        + article(kind) + " " + Text.quote(name));
            }
            d.deriver = new Ref(r.string(m.get("deriver"), "deriver"), m.get("deriver"));
        }
        d.present = !m.has("present") || r.bool(m.get("present"), "present");
    }

    private void derivation(Node item) throws ScenarioException {
        YamlMap m = r.map(item, "derivation", DRV_KEYS, List.of("name"));
        String name = declaredName(m.get("name"), "derivation name");
        if (!name.endsWith(".drv") || name.equals(".drv")) {
            throw r.error(m.get("name"), "derivation name " + Text.quote(name) + " does not end in .drv (derivations are named like hosts.drv)");
        }
        Decl d = declare(name, PathKind.DRV, item, m.get("name"));
        d.inputDrvs = m.has("input-drvs") ? refList(m.get("input-drvs"), "input-drvs") : List.of();
        d.inputSrcs = m.has("input-srcs") ? refList(m.get("input-srcs"), "input-srcs") : List.of();
        d.size = m.has("size") ? r.size(m.get("size"), "size") : DEFAULT_DRV_SIZE;
        d.present = m.has("present") && r.bool(m.get("present"), "present");
        if (m.has("outputs")) {
            for (Node out : r.list(m.get("outputs"), "outputs", "a list of outputs, each a mapping with name and size")) {
                d.outputs.add(output(out, name));
            }
        }
    }

    private String output(Node item, String drv) throws ScenarioException {
        YamlMap m = r.map(item, "output", OUTPUT_KEYS, OUTPUT_REQUIRED);
        String name = declaredName(m.get("name"), "output name");
        noDrvSuffix(m.get("name"), name);
        Decl d = declare(name, PathKind.OUTPUT, item, m.get("name"));
        d.size = r.size(m.get("size"), "size");
        d.refs = m.has("refs") ? refList(m.get("refs"), "refs") : List.of();
        d.deriver = new Ref(drv, item);
        d.inlineOutput = true;
        d.present = m.has("present") && r.bool(m.get("present"), "present");
        return name;
    }

    private String declaredName(Node node, String what) throws ScenarioException {
        return r.name(node, what, PATH_NAME, PATH_NAME_RULE);
    }

    private void noDrvSuffix(Node node, String name) throws ScenarioException {
        if (name.endsWith(".drv")) {
            throw r.error(node, "name " + Text.quote(name) + " ends in .drv but is not a derivation (declare derivations under store.derivations)");
        }
    }

    private Decl declare(String name, PathKind kind, Node node, Node nameNode) throws ScenarioException {
        Decl first = byName.get(name);
        if (first != null) {
            Pos p = r.pos(first.nameNode);
            throw r.error(nameNode, "duplicate name " + Text.quote(name) + " (first declared at " + p.line() + ":" + p.column()
                    + "; paths and derivations share one namespace)");
        }
        Decl d = new Decl(name, kind, node, nameNode);
        byName.put(name, d);
        return d;
    }

    private List<Ref> refList(Node node, String what) throws ScenarioException {
        List<Ref> refs = new ArrayList<>();
        Map<String, Node> seen = new LinkedHashMap<>();
        for (Node item : r.list(node, what, "a list of path or derivation names")) {
            String name = r.string(item, what + " entry");
            if (seen.putIfAbsent(name, item) != null) {
                throw r.error(item, "duplicate entry " + Text.quote(name) + " in " + what + " (each name once)");
            }
            refs.add(new Ref(name, item));
        }
        return List.copyOf(refs);
    }

    private void resolve() throws ScenarioException {
        for (Decl d : byName.values()) {
            for (Ref ref : d.refs) {
                reference(ref.node(), "refs of " + Text.quote(d.name), EnumSet.allOf(PathKind.class));
            }
            for (Ref ref : d.inputDrvs) {
                reference(ref.node(), "input-drvs of " + Text.quote(d.name), EnumSet.of(PathKind.DRV));
                if (ref.name().equals(d.name)) {
                    throw r.error(ref.node(), "derivation " + Text.quote(d.name) + " lists itself in input-drvs (a derivation cannot be its own input)");
                }
            }
            for (Ref ref : d.inputSrcs) {
                reference(ref.node(), "input-srcs of " + Text.quote(d.name), EnumSet.of(PathKind.SOURCE));
            }
            if (d.kind == PathKind.OUTPUT && d.deriver != null && !d.inlineOutput) {
                reference(d.deriver.node(), "deriver of " + Text.quote(d.name), EnumSet.of(PathKind.DRV));
                byName.get(d.deriver.name()).outputs.add(d.name);
            }
        }
    }

    private void checkCycles() throws ScenarioException {
        Map<String, List<Ref>> edges = new LinkedHashMap<>();
        for (Decl d : byName.values()) {
            edges.put(d.name, d.edges());
        }
        ReferenceCycles.check(r, edges);
    }

    private void checkPresence() throws ScenarioException {
        for (Decl d : byName.values()) {
            if (!d.present) {
                continue;
            }
            for (Ref ref : d.edges()) {
                if (!byName.get(ref.name()).present) {
                    throw r.error(ref.node(), Text.quote(d.name) + " is present at the start but its reference "
                            + Text.quote(ref.name()) + " is not (a valid path's references are valid too: make "
                            + Text.quote(ref.name()) + " present or " + Text.quote(d.name) + " absent)");
                }
            }
        }
    }

    private static List<Ref> concat(List<Ref> a, List<Ref> b) {
        List<Ref> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static List<String> names(List<Ref> refs) {
        return refs.stream().map(Ref::name).toList();
    }

    private static String kindsText(Set<PathKind> kinds) {
        if (kinds.size() == 1) {
            return article(kinds.iterator().next());
        }
        return "a path or derivation";
    }

    static String article(PathKind kind) {
        return switch (kind) {
            case SOURCE -> "a source";
            case DRV -> "a derivation";
            case OUTPUT -> "an output";
        };
    }
}

package gcsim.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a scenario file (the format is documented in {@code scenarios/README.md}) into a
 * {@link Scenario}. Everything the model later relies on is checked here, so a run never fails
 * on a typo: each problem is one {@link ScenarioException} whose message starts with the
 * {@code FILE:LINE:COLUMN} of the node at fault. Nothing else is ever thrown.
 */
public final class ScenarioLoader {
    private static final List<String> TOP_KEYS =
            List.of("name", "description", "settings", "store", "fetcher-cache", "roots", "processes",
                    "expect");
    private static final List<String> SETTINGS_KEYS = List.of("min-free", "max-free", "min-free-check-interval",
            "keep-derivations", "keep-outputs", "free-space", "gc-socket-exists");

    private ScenarioLoader() {}

    /** Loads {@code file}; {@link Scenario#file()} is {@code file} as given. */
    public static Scenario load(Path file) throws ScenarioException {
        try {
            return parse(YamlSource.read(file), baseName(file));
        } catch (RuntimeException | StackOverflowError e) {
            throw new ScenarioException(new Pos(String.valueOf(file), 1, 1),
                    "gcsim could not load this file (internal error " + e.getClass().getSimpleName() + "; please report it)");
        }
    }

    /**
     * Loads a scenario already in memory, with the same checks and the same promise as
     * {@link #load(Path)}; {@code file} stands for its file name. It lets tests feed thousands of
     * documents without writing each to disk, and the benchmark load the scenarios it generates.
     */
    public static Scenario load(String file, byte[] bytes) throws ScenarioException {
        try {
            return parse(YamlSource.parse(file, bytes), baseName(Path.of(file)));
        } catch (RuntimeException | StackOverflowError e) {
            throw new ScenarioException(new Pos(file, 1, 1),
                    "gcsim could not load this file (internal error " + e.getClass().getSimpleName() + "; please report it)");
        }
    }

    private static Scenario parse(YamlSource source, String name) throws ScenarioException {
        YamlReader r = new YamlReader(source.file());
        YamlMap top = r.map(source.root(), "the scenario", TOP_KEYS, List.of("description", "processes"));
        if (top.has("name")) {
            String given = r.string(top.get("name"), "name");
            if (!given.equals(name)) {
                throw r.error(top.get("name"), "name " + Text.quote(given) + " does not match the file name (expected "
                        + Text.quote(name) + ", the file's base name, or no name key)");
            }
        }
        String description = r.string(top.get("description"), "description").strip();
        if (description.isEmpty()) {
            throw r.error(top.get("description"), "description is empty (expected what happens and where it was reported; the first line is a summary)");
        }
        Settings settings = top.has("settings") ? settings(r, top.get("settings")) : Settings.defaults();
        StoreSection store = StoreSection.load(r, top.get("store"));
        List<RootSpec> roots = top.has("roots") ? RootSection.load(r, top.get("roots"), store) : List.of();
        List<ProcessSpec> processes = ProcessSection.load(r, top.get("processes"), store, roots);
        List<Scenario.FetcherCacheEntry> cache = top.has("fetcher-cache")
                ? fetcherCache(r, top.get("fetcher-cache"), store, processes) : List.of();
        List<Scenario.Expectation> expect = top.has("expect") ? ExpectSection.load(r, top.get("expect"), store) : List.of();
        return new Scenario(name, description, source.file(), store.paths(), store.derivations(), cache, roots,
                settings, processes, expect);
    }

    /** The file name without its directory and without a final {@code .yaml}. */
    static String baseName(Path file) {
        Path last = file.getFileName();
        String name = last == null ? "" : last.toString();
        return name.endsWith(".yaml") ? name.substring(0, name.length() - ".yaml".length()) : name;
    }

    private static Settings settings(YamlReader r, Node node) throws ScenarioException {
        YamlMap m = r.map(node, "settings", SETTINGS_KEYS, List.of());
        Settings d = Settings.defaults();
        return new Settings(
                m.has("min-free") ? r.size(m.get("min-free"), "min-free") : d.minFree(),
                m.has("max-free") ? r.size(m.get("max-free"), "max-free") : d.maxFree(),
                m.has("min-free-check-interval") ? r.duration(m.get("min-free-check-interval"), "min-free-check-interval")
                        : d.minFreeCheckIntervalNanos(),
                m.has("keep-derivations") ? r.bool(m.get("keep-derivations"), "keep-derivations") : d.keepDerivations(),
                m.has("keep-outputs") ? r.bool(m.get("keep-outputs"), "keep-outputs") : d.keepOutputs(),
                m.has("free-space") ? r.size(m.get("free-space"), "free-space") : d.freeSpace(),
                m.has("gc-socket-exists") ? r.bool(m.get("gc-socket-exists"), "gc-socket-exists") : d.gcSocketExists());
    }

    private static List<Scenario.FetcherCacheEntry> fetcherCache(YamlReader r, Node node, StoreSection store,
                                                                  List<ProcessSpec> processes) throws ScenarioException {
        Set<String> users = new LinkedHashSet<>();
        for (ProcessSpec p : processes) {
            users.add(p.user());
        }
        List<Scenario.FetcherCacheEntry> out = new ArrayList<>();
        for (YamlMap.Entry e : r.map(node, "fetcher-cache", null, List.of()).entries()) {
            String user = e.key();
            if (!ProcessSection.USER_NAME.matcher(user).matches()) {
                throw r.error(e.keyNode(), "fetcher-cache user " + Text.quote(user) + " is not a valid name (letters, digits, _ . and -)");
            }
            if (!users.contains(user)) {
                throw r.error(e.keyNode(), "fetcher-cache user " + Text.quote(user) + " is not the user of any process (users: "
                        + Text.list(new ArrayList<>(users), 12) + ")");
            }
            Map<String, Node> seen = new LinkedHashMap<>();
            for (Node item : r.list(e.value(), "fetcher-cache of " + Text.quote(user), "a list of source names")) {
                String path = store.reference(item, "fetcher-cache", EnumSet.of(PathKind.SOURCE));
                if (seen.putIfAbsent(path, item) != null) {
                    throw r.error(item, "duplicate entry " + Text.quote(path) + " in the fetcher cache of " + Text.quote(user) + " (each source once)");
                }
                out.add(new Scenario.FetcherCacheEntry(user, path, r.pos(item)));
            }
        }
        return List.copyOf(out);
    }
}

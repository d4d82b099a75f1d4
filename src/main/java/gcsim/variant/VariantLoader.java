package gcsim.variant;

import gcsim.scenario.Pos;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.Text;
import gcsim.scenario.YamlMap;
import gcsim.scenario.YamlReader;
import gcsim.scenario.YamlSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads {@code scenarios/variants.yaml}: the named patch ideas gcsim compares. Keeping them in a
 * file rather than in code means a new combination of existing switches needs no rebuild. Bad
 * input ends in one {@link ScenarioException} with {@code FILE:LINE:COLUMN}; nothing else is thrown.
 */
public final class VariantLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9.-]*");
    private static final List<String> VARIANT_KEYS = List.of("id", "description", "switches");
    private static final List<String> SWITCH_KEYS = List.copyOf(Switches.baseline().asYaml().keySet());

    private VariantLoader() {}

    /** The variants in file order; ids are unique. */
    public static List<Variant> load(Path file) throws ScenarioException {
        try {
            return parse(file);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ScenarioException(new Pos(String.valueOf(file), 1, 1),
                    "gcsim could not load this file (internal error " + e.getClass().getSimpleName() + "; please report it)");
        }
    }

    private static List<Variant> parse(Path file) throws ScenarioException {
        YamlSource source = YamlSource.read(file);
        YamlReader r = new YamlReader(source.file());
        YamlMap top = r.map(source.root(), "the variants file", List.of("variants"), List.of("variants"));
        Node list = top.get("variants");
        List<Node> items = r.list(list, "variants", "a list of variants, each a mapping with id and description");
        if (items.isEmpty()) {
            throw r.error(list, "variants is empty (at least one variant)");
        }
        Map<String, Node> ids = new LinkedHashMap<>();
        List<Variant> out = new ArrayList<>();
        for (Node item : items) {
            YamlMap m = r.map(item, "variant", VARIANT_KEYS, List.of("id", "description"));
            String id = r.name(m.get("id"), "id", ID, "lower-case letters, digits, - and ., starting with a letter or digit");
            Node first = ids.putIfAbsent(id, m.get("id"));
            if (first != null) {
                Pos p = r.pos(first);
                throw r.error(m.get("id"), "duplicate variant id " + Text.quote(id) + " (first at " + p.line() + ":" + p.column()
                        + "; each variant needs its own id)");
            }
            String description = r.string(m.get("description"), "description").strip();
            if (description.isEmpty() || description.lines().count() > 1) {
                throw r.error(m.get("description"), "description of " + Text.quote(id) + " is "
                        + (description.isEmpty() ? "empty" : "more than one line") + " (expected a one-line summary)");
            }
            Switches switches = m.has("switches") ? switches(r, m.get("switches")) : Switches.baseline();
            out.add(new Variant(id, description, switches));
        }
        return List.copyOf(out);
    }

    private static Switches switches(YamlReader r, Node node) throws ScenarioException {
        YamlMap m = r.map(node, "switches", SWITCH_KEYS, List.of());
        Switches base = Switches.baseline();
        WriteDerivationMode mode = base.writeDerivation();
        if (m.has("write-derivation")) {
            String key = r.string(m.get("write-derivation"), "write-derivation");
            mode = Arrays.stream(WriteDerivationMode.values()).filter(v -> v.key().equals(key)).findFirst()
                    .orElseThrow(() -> r.error(m.get("write-derivation"), "unknown write-derivation mode " + Text.quote(key)
                            + " (accepted: " + String.join(", ", Arrays.stream(WriteDerivationMode.values()).map(WriteDerivationMode::key).toList()) + ")"));
        }
        boolean fetchCacheTempRoot = flag(r, m, "fetch-cache-temp-root", base.fetchCacheTempRoot());
        boolean callerRoots = flag(r, m, "caller-roots", base.callerRoots());
        TempRootClient client = choice(r, m, "temp-root-client", TempRootClient.values(), TempRootClient::key,
                base.tempRootClient());
        PathInUse pathInUse = choice(r, m, "path-in-use", PathInUse.values(), PathInUse::key, base.pathInUse());
        SrcMemo srcMemo = choice(r, m, "src-memo", SrcMemo.values(), SrcMemo::key, base.srcMemo());
        AutoGcThread autoGcThread = choice(r, m, "auto-gc-thread", AutoGcThread.values(), AutoGcThread::key,
                base.autoGcThread());
        GcRootOrder gcRootOrder = choice(r, m, "gc-root-order", GcRootOrder.values(), GcRootOrder::key,
                base.gcRootOrder());
        WorkerExit workerExit = choice(r, m, "worker-exit", WorkerExit.values(), WorkerExit::key, base.workerExit());
        GcClientCatch gcClientCatch = choice(r, m, "gc-client-catch", GcClientCatch.values(), GcClientCatch::key,
                base.gcClientCatch());
        MonitorStop monitorStop = choice(r, m, "monitor-stop", MonitorStop.values(), MonitorStop::key,
                base.monitorStop());
        return new Switches(mode, fetchCacheTempRoot, callerRoots, client, pathInUse,
                flag(r, m, "gc-delete-recheck", base.gcDeleteRecheck()), srcMemo,
                flag(r, m, "temp-root-dedup", base.tempRootDedup()),
                flag(r, m, "add-recheck-uncached", base.addRecheckUncached()), autoGcThread, gcRootOrder,
                flag(r, m, "copy-temp-roots", base.copyTempRoots()),
                flag(r, m, "build-input-temp-roots", base.buildInputTempRoots()),
                flag(r, m, "import-drv-root", base.importDrvRoot()), workerExit, gcClientCatch,
                monitorStop);
    }

    private static boolean flag(YamlReader r, YamlMap m, String key, boolean otherwise) throws ScenarioException {
        return m.has(key) ? r.bool(m.get(key), key) : otherwise;
    }

    /** The value of switch {@code what} when the variant sets it, else {@code otherwise}. */
    private static <E> E choice(YamlReader r, YamlMap m, String what, E[] values, java.util.function.Function<E, String> key,
            E otherwise) throws ScenarioException {
        return m.has(what) ? choice(r, m.get(what), what, values, key) : otherwise;
    }

    private static <E> E choice(YamlReader r, Node node, String what, E[] values, java.util.function.Function<E, String> key)
            throws ScenarioException {
        String given = r.string(node, what);
        for (E v : values) {
            if (key.apply(v).equals(given)) {
                return v;
            }
        }
        throw r.error(node, "unknown " + what + " " + Text.quote(given) + " (accepted: "
                + String.join(", ", Arrays.stream(values).map(key).toList()) + ")");
    }
}

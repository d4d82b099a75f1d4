package gcsim.model;

import gcsim.kernel.IntList;
import gcsim.kernel.SimProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the store and its collectors look like between two steps, as a TLC trace shows a state: the
 * values a reader needs to check a story line against (is the path rooted? whose temp roots name it?
 * what is pending? who holds gc.lock? is it still valid?). Taken only when tracing.
 *
 * @param step the step after which it was taken
 * @param roots the permanent roots, {@code link → path}, in walk order
 * @param tempRootFiles each live process's temproots file and the paths it lists
 * @param collectors each running collector's shared temp-root set and {@code pending}
 * @param gcLock who holds gc.lock ({@code exclusive: P}, {@code shared: …}, {@code free})
 * @param paths every store path with whether it is valid, in the scenario's order
 */
public record WorldState(int step, List<String> roots, List<TempRootFile> tempRootFiles, List<Collector> collectors,
                         String gcLock, List<PathValidity> paths) {

    /** {@code temproots/PID} of process {@code process}, listing {@code paths}. */
    public record TempRootFile(String process, int pid, List<String> paths) {}

    /**
     * A collector run in progress.
     *
     * @param process the collecting process (or thread) name
     * @param shared the temp roots it holds in its shared set (read from files and received through its socket)
     * @param pending the path being deleted or last visited, or null
     */
    public record Collector(String process, List<String> shared, String pending) {}

    public record PathValidity(String name, boolean valid) {}

    /** The state of {@code w} now, after step {@code step}. */
    public static WorldState of(World w, int step) {
        ArrayList<String> roots = new ArrayList<>();
        for (Map.Entry<String, Integer> e : w.roots.direct.entrySet()) {
            roots.add(e.getKey() + " → " + w.layout.name(e.getValue()));
        }
        for (Map.Entry<String, String> e : w.roots.auto.entrySet()) {
            Integer target = w.roots.links.get(e.getValue());
            roots.add(e.getValue() + " → " + (target == null ? "(gone)" : w.layout.name(target)));
        }
        ArrayList<TempRootFile> files = new ArrayList<>();
        for (TempRootsFile f : w.tempRoots.list()) {
            files.add(new TempRootFile(processName(w, f.pid), f.pid, names(w, f.paths)));
        }
        ArrayList<Collector> collectors = new ArrayList<>();
        for (GcRun run : w.collectorRuns) {
            if (!run.shutdownRequested()) {
                IntList shared = new IntList(4);
                for (int p = run.tempRoots.nextSetBit(0); p >= 0; p = run.tempRoots.nextSetBit(p + 1)) {
                    shared.add(p);
                }
                collectors.add(new Collector(run.store.process.name(), names(w, shared),
                        run.pending < 0 ? null : w.layout.name(run.pending)));
            }
        }
        ArrayList<PathValidity> paths = new ArrayList<>();
        for (int p = 0; p < w.layout.size(); p++) {
            paths.add(new PathValidity(w.layout.name(p), w.db.isValid(p)));
        }
        return new WorldState(step, List.copyOf(roots), List.copyOf(files), List.copyOf(collectors), w.gcLock.holders(),
                List.copyOf(paths));
    }

    private static String processName(World w, int pid) {
        for (SimProcess p : w.kernel.processes()) {
            if (p.pid() == pid) {
                return p.name();
            }
        }
        return "pid " + pid;
    }

    private static List<String> names(World w, IntList ids) {
        ArrayList<String> out = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String n = w.layout.name(ids.get(i));
            if (!out.contains(n)) {
                out.add(n);
            }
        }
        return List.copyOf(out);
    }
}

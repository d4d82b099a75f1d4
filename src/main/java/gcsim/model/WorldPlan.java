package gcsim.model;

import gcsim.scenario.Op;
import gcsim.scenario.ProcessSpec;
import gcsim.scenario.RootSpec;
import gcsim.scenario.Scenario;
import java.util.List;

/**
 * What every {@link World} of one scenario starts from, resolved once: the roots' map keys and path
 * ids, the fetcher cache's users and path ids, and the processes as an array. A search builds a world
 * for each of its executions, and looking the same names up in sorted maps and walking the same
 * lists through iterators each time was a tenth of building one (JFR, hosts-drv). Immutable; held by
 * the {@link StoreLayout}, which every execution of a search shares.
 */
final class WorldPlan {
    /** Per declared root, in the scenario's order: its kind, its key in its map, and its target. */
    final RootSpec.Kind[] rootKind;
    final String[] rootKey;
    /** For an indirect root, its name under {@code gcroots/auto}; else null. */
    final String[] rootAuto;
    final int[] rootPath;
    final String[] fetcherUser;
    final int[] fetcherPath;
    final ProcessSpec[] processes;
    /** Whether some process talks to the daemon, which is then started first. */
    final boolean anyDaemonClient;
    /** Per process: whether some {@code interrupt} names it (it then has a life an interrupt can end). */
    final boolean[] interruptTarget;
    /**
     * Per process: whether its workers run {@code MonitorFdHup}: when an {@code interrupt} names it or
     * it asks for {@code monitor-hangup}. Why not every worker: the monitor's wake-up is a scheduling
     * point of its own, which would change the schedules of every scenario with a daemon client.
     */
    final boolean[] hangupMonitored;

    WorldPlan(Scenario scenario, StoreLayout layout) {
        List<RootSpec> roots = scenario.roots();
        int n = roots.size();
        rootKind = new RootSpec.Kind[n];
        rootKey = new String[n];
        rootAuto = new String[n];
        rootPath = new int[n];
        for (int i = 0; i < n; i++) {
            RootSpec r = roots.get(i);
            rootKind[i] = r.kind();
            rootPath[i] = layout.id(r.path());
            switch (r.kind()) {
                case GCROOT -> rootKey[i] = "gcroots/" + r.link();
                case PROFILE -> rootKey[i] = "profiles/" + r.link();
                case INDIRECT -> {
                    rootKey[i] = r.link();
                    rootAuto[i] = Roots.autoName(r.link());
                }
            }
        }
        List<Scenario.FetcherCacheEntry> cache = scenario.fetcherCache();
        fetcherUser = new String[cache.size()];
        fetcherPath = new int[cache.size()];
        for (int i = 0; i < cache.size(); i++) {
            fetcherUser[i] = cache.get(i).user();
            fetcherPath[i] = layout.id(cache.get(i).path());
        }
        processes = scenario.processes().toArray(new ProcessSpec[0]);
        boolean daemon = false;
        for (ProcessSpec spec : processes) {
            daemon |= spec.viaDaemon();
        }
        anyDaemonClient = daemon;
        interruptTarget = new boolean[processes.length];
        for (ProcessSpec spec : processes) {
            markTargets(spec.ops());
        }
        hangupMonitored = new boolean[processes.length];
        for (int j = 0; j < processes.length; j++) {
            hangupMonitored[j] = interruptTarget[j] || processes[j].monitorHangup();
        }
    }

    private void markTargets(List<Op> ops) {
        for (Op op : ops) {
            if (op instanceof Op.Interrupt i) {
                for (int j = 0; j < processes.length; j++) {
                    interruptTarget[j] |= processes[j].name().equals(i.process());
                }
            } else if (op instanceof Op.Repeat r) {
                markTargets(r.ops());
            }
        }
    }
}

package gcsim.model;

import gcsim.kernel.Flock;
import gcsim.kernel.Kernel;
import gcsim.kernel.SimProcess;
import gcsim.kernel.SocketFile;
import gcsim.scenario.ProcessSpec;
import gcsim.scenario.RootSpec;
import gcsim.scenario.Scenario;
import gcsim.scenario.Settings;
import gcsim.variant.SwitchUse;
import gcsim.variant.Switches;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.TreeMap;

/**
 * One execution's Nix installation: the store (DB, directory, free space), the state directory
 * (temproots, gc.lock, the GC socket, gcroots, profiles), the daemon, and the scenario's
 * processes, all wired to one {@link Kernel}. Built fresh for each execution; the scenario's fixed
 * facts live in the shared {@link StoreLayout}.
 */
public final class World {
    final Kernel kernel;
    final StoreLayout layout;
    /** The variant, read through a record of which switches this run (and its executor's other runs) read. */
    final SwitchUse switches;
    final Settings settings;
    final Db db;
    final StoreDir store;
    final TempRootsDir tempRoots;
    /** The flock of the one {@code <state>/gc.lock} inode. */
    final Flock gcLock;
    final SocketFile gcSocket;
    final SocketFile daemonSocket;
    final Roots roots;
    private final TreeMap<String, BitSet> fetcherCache = new TreeMap<>();
    /** Events signalled so far (the FIFOs of Nix's functional tests). */
    private final java.util.TreeSet<String> signalled = new java.util.TreeSet<>();
    private final int eventsResource;
    /**
     * The fetcher cache's one resource: every lookup reads it and every upsert writes it, so that
     * the exhaustive search's reduction sees an F2 lookup and another process's F3 upsert as
     * dependent (the user's SQLite file is shared by that user's processes).
     */
    private final int fetcherCacheResource;
    /** The scenario's processes, in its order: an array, since a world is built per execution. */
    private final SimProcess[] processes;
    /** The scenario's processes' client state, in the same order as {@link #processes}. */
    private final Client[] clients;

    private int clientOpsInFlight;
    private int gcRuns;
    private int gcDuringClientOps;
    private int pathsDeleted;
    /** Every collector run started, in order: what a state view reads (shared temp roots, pending). */
    final List<GcRun> collectorRuns = new ArrayList<>(2);

    public World(Scenario scenario, StoreLayout layout, Switches switches, Kernel kernel) {
        this(scenario, layout, new SwitchUse(switches), kernel);
    }

    /** @param switches the executor's record of switches read, which every world it builds adds to */
    public World(Scenario scenario, StoreLayout layout, SwitchUse switches, Kernel kernel) {
        // A modelled step that only moves its own program counter (findRuntimeRoots, which finds
        // nothing here; the last turn of a loop, which finds nothing left) is not a scheduling point
        // of its own: docs/model.md, "A step nobody can see is not a scheduling point".
        this.kernel = kernel.withInvisibleStepsJoined();
        this.layout = layout;
        this.switches = switches;
        this.settings = scenario.settings();
        this.db = new Db(layout, kernel);
        this.store = new StoreDir(layout, kernel, settings.freeSpace());
        this.tempRoots = new TempRootsDir(kernel);
        this.gcLock = new Flock(kernel);
        this.gcSocket = new SocketFile(kernel, "/nix/var/nix/gc-socket/socket");
        if (settings.gcSocketExists()) {
            gcSocket.createWithoutListener();
        }
        this.daemonSocket = new SocketFile(kernel, "/nix/var/nix/daemon-socket/socket");
        this.roots = new Roots(kernel);
        this.eventsResource = kernel.newResource();
        this.fetcherCacheResource = kernel.newResource();
        WorldPlan plan = layout.plan();
        for (int i = 0; i < plan.rootKey.length; i++) {
            int p = plan.rootPath[i];
            if (plan.rootKind[i] == RootSpec.Kind.INDIRECT) {
                roots.links.put(plan.rootKey[i], p);
                roots.auto.put(plan.rootAuto[i], plan.rootKey[i]);
            } else {
                roots.direct.put(plan.rootKey[i], p);
            }
        }
        for (int i = 0; i < plan.fetcherUser.length; i++) {
            fetcherCache.computeIfAbsent(plan.fetcherUser[i], u -> new BitSet()).set(plan.fetcherPath[i]);
        }
        if (plan.anyDaemonClient) {
            SimProcess daemon = kernel.newProcess("nix-daemon");
            Daemon.spawn(this, daemon, daemonSocket.bind(daemon));
        }
        ProcessSpec[] specs = plan.processes;
        processes = new SimProcess[specs.length];
        clients = new Client[specs.length];
        for (int i = 0; i < specs.length; i++) {
            processes[i] = kernel.newProcess(specs[i].name());
        }
        for (int i = 0; i < specs.length; i++) {
            ProcessSpec spec = specs[i];
            SimProcess proc = processes[i];
            StoreApi api = spec.viaDaemon() ? new RemoteStore(this, proc) : new LocalStore(this, proc, false);
            Client c = new Client(proc, spec.user(), api, spec.viaDaemon());
            clients[i] = c;
            if (plan.interruptTarget[i]) {
                c.lifeResource = kernel.newResource();
            }
            ClientMain.spawn(this, proc, c, spec);
        }
    }

    void signal(String event) {
        kernel.write(eventsResource);
        signalled.add(event);
    }

    /** A guard ready once {@code event} was signalled. */
    gcsim.kernel.Guard signalled(String event) {
        return gcsim.kernel.Guard.watching(eventsResource, () -> signalled.contains(event), () -> "the event " + event);
    }

    /** The client state of the scenario's process named {@code name}, or null. */
    Client client(String name) {
        for (Client c : clients) {
            if (c.process.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /**
     * Whether {@code p} is a scenario process whose workers watch for its hang-up (some
     * {@code interrupt} names it, or it asks for {@code monitor-hangup}); never a worker or the daemon.
     */
    boolean monitorsHangup(SimProcess p) {
        boolean[] targets = layout.plan().hangupMonitored;
        for (int i = 0; i < processes.length; i++) {
            if (processes[i] == p) {
                return targets[i];
            }
        }
        return false;
    }

    /** The scenario's process named {@code name}, or null (a scan: processes are few and names unique). */
    SimProcess process(String name) {
        for (SimProcess p : processes) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    public Db db() {
        return db;
    }

    public StoreLayout layout() {
        return layout;
    }

    public StoreDir store() {
        return store;
    }

    boolean fetcherCacheHas(String user, int p) {
        kernel.read(fetcherCacheResource);
        BitSet b = fetcherCache.get(user);
        return b != null && b.get(p);
    }

    void addToFetcherCache(String user, int p) {
        kernel.write(fetcherCacheResource);
        fetcherCache.computeIfAbsent(user, u -> new BitSet()).set(p);
    }

    void clientOpStarted() {
        clientOpsInFlight++;
    }

    void clientOpFinished() {
        clientOpsInFlight--;
    }

    void gcStarted() {
        gcRuns++;
        if (clientOpsInFlight > 0) {
            gcDuringClientOps++;
        }
    }

    void pathDeleted() {
        pathsDeleted++;
    }

    public int gcRuns() {
        return gcRuns;
    }

    public int gcDuringClientOps() {
        return gcDuringClientOps;
    }

    public int pathsDeleted() {
        return pathsDeleted;
    }

    /**
     * A 64-bit digest of the store and state directory at this moment — valid paths, entries on
     * disk, lock files, free space, roots, temproots files, signalled events — so that explorers
     * can count distinct terminal states. Deterministic across JVMs.
     */
    public long fingerprint() {
        long h = 0xcbf29ce484222325L;
        for (int p = 0; p < layout.size(); p++) {
            h = mix(h, (db.validQuiet(p) ? 1 : 0) | (store.existsQuiet(p) ? 2 : 0) | (store.lockQuiet(p) ? 4 : 0));
        }
        h = mix(h, store.freeQuiet());
        for (var e : roots.direct.entrySet()) {
            h = mix(mix(h, e.getKey().hashCode()), e.getValue());
        }
        for (var e : roots.auto.entrySet()) {
            h = mix(mix(h, e.getKey().hashCode()), e.getValue().hashCode());
        }
        for (var e : roots.links.entrySet()) {
            h = mix(mix(h, e.getKey().hashCode()), e.getValue());
        }
        for (TempRootsFile f : tempRoots.listQuiet()) {
            h = mix(h, f.pid);
            for (int j = 0; j < f.paths.size(); j++) {
                h = mix(h, f.paths.get(j));
            }
        }
        for (String e : signalled) {
            h = mix(h, e.hashCode());
        }
        return h;
    }

    private static long mix(long h, long v) {
        h ^= v;
        h *= 0x100000001b3L;
        return h ^ (h >>> 29);
    }

    /** True when the named process is a scenario client (not the daemon, a worker or a thread of one). */
    public boolean isClient(SimProcess p) {
        for (SimProcess q : processes) {
            if (q == p) {
                return true;
            }
        }
        return false;
    }
}

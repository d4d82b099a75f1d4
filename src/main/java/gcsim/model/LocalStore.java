package gcsim.model;

import gcsim.kernel.Connection;
import gcsim.kernel.Frame;
import gcsim.kernel.Mutex;
import gcsim.kernel.OpenFile;
import gcsim.kernel.Promise;
import gcsim.kernel.SimProcess;

/**
 * One {@code LocalStore} instance in one process: a daemon worker's, a local client's, or
 * {@code nix-collect-garbage}'s. It owns the per-instance state Nix keeps: the temproots file and its
 * lock (§2.6), the cached gc.lock descriptor and GC-socket connection, and the auto-GC state (§2.9).
 */
final class LocalStore implements StoreApi {
    final World w;
    final SimProcess process;

    /** createTempRootsFile has run: the file is ours, locked exclusively through {@link #tempRootsFd}. */
    TempRootsFile tempRootsFile;
    OpenFile tempRootsFd;
    /** addTempRoot's cached gc.lock descriptor (§2.6 step 2). */
    OpenFile gcLockFd;
    /** addTempRoot's cached connection to the collector's socket (§2.6 step 5). */
    Connection.End gcSocket;
    /** 2.8 only: a swallowed connect error left an unconnected descriptor cached (§2.6, gc.cc 127–138). */
    boolean gcSocketUnconnected;

    /** §2.9 state, guarded in Nix by the process state lock; here every access is one atomic step. */
    boolean gcRunning;
    Promise<Object> gcFuture;
    /** The last auto-GC thread started; joined by the next autoGC and by ~LocalStore when joinable (§2.9, S10). */
    gcsim.kernel.Actor gcThread;
    /** Starts at the clock's epoch, so the first check in a process always goes on (§2.9 step 3). */
    long lastGcCheck = Long.MIN_VALUE;
    /** Starts at the maximum, so the 0.97 rule never fires before the first GC (§2.9 step 7). */
    long availAfterGc = Long.MAX_VALUE;
    /**
     * The footprint resource of the §2.9 state above, the auto-GC thread's end included: the steps
     * that read or write those fields, or test whether the thread has ended to join it, report it
     * here. Without it the caller's autoGC and ~LocalStore steps looked independent of the auto-GC
     * thread's last steps, which they branch on (running or not, wait for the join or not).
     */
    final int autoGcState;

    /**
     * The process state mutex. Only 2.8 holds it across a whole addTempRoot, ack wait included, and
     * then the same process's collector must take it for its database steps (§2.6, #3224).
     */
    final Mutex state;

    /**
     * The per-process path-info cache (§1 item 7), filled by queryPathInfo and by this store's own
     * registrations, cleared by its own invalidations, and consulted by isValidPath; a collection
     * elsewhere never clears it, so an entry can be stale. Daemon workers run with it disabled (null).
     */
    final java.util.BitSet pathInfoCache;

    /**
     * The process's interrupt flag, in a worker whose client an {@code interrupt} names; null
     * elsewhere, where nothing checks it ({@link InterruptFlag}).
     */
    InterruptFlag interrupt;

    LocalStore(World w, SimProcess process, boolean worker) {
        this.w = w;
        this.process = process;
        this.state = new Mutex(w.kernel, "the store's state mutex");
        this.autoGcState = w.kernel.newResource();
        this.pathInfoCache = worker ? null : new java.util.BitSet();
    }

    /**
     * {@code registerValidPath} (through {@code addValidPath}) upserts a "valid" entry into the
     * registering store's own cache (B local-store.cc 707, M 774–776): a process that added or built
     * a path answers "valid" for it from then on without asking, even after another process's
     * collection deleted it. A worker's store has no cache.
     */
    void registered(int p) {
        if (pathInfoCache != null) {
            pathInfoCache.set(p);
        }
    }

    /** {@code invalidatePath} erases the entry from the invalidating store's own cache (B local-store.cc 963, M 1053). */
    void invalidated(int p) {
        if (pathInfoCache != null) {
            pathInfoCache.clear(p);
        }
    }

    /** isValidPath's cache lookup: true when a cached entry says the path is valid. */
    boolean cachedValid(int p) {
        return pathInfoCache != null && pathInfoCache.get(p);
    }

    /**
     * True when {@code self}, a collector thread of this store, must wait for the state mutex before
     * a database step: only under 2.8's addTempRoot, whose caller may hold it while waiting for an ack.
     */
    boolean dbStepBlocked(gcsim.kernel.Actor self) {
        return w.switches.tempRootClient() == gcsim.variant.TempRootClient.NIX_2_8
                && !state.isFree() && state.holder() != self;
    }

    @Override
    public Frame isValidPath(int p) {
        return new Steps.IsValidPath(w, this, p);
    }

    @Override
    public Frame addToStore(int p) {
        return new AddToStoreFromDump(w, this, p);
    }

    @Override
    public Frame addTempRoot(int p) {
        return new AddTempRoot(w, this, p);
    }

    @Override
    public Frame addIndirectRoot(String link) {
        return new Steps.AddIndirectRoot(w, link);
    }

    @Override
    public Frame queryPathInfo(int p) {
        return new Steps.QueryPathInfo(w, this, p);
    }

    @Override
    public Frame queryValidPaths(int[] paths) {
        return new Steps.QueryValidPaths(w, this, paths);
    }

    @Override
    public Frame addMultipleToStore(int[] paths) {
        return new AddToStoreNar.Multiple(w, this, paths);
    }

    @Override
    public Frame buildDerivation(int drv, java.util.List<gcsim.scenario.Op> builder) {
        return new BuildDerivation(w, this, drv, builder);
    }

    @Override
    public Frame buildPaths(int drv, java.util.List<gcsim.scenario.Op> builder) {
        return new BuildPaths(w, this, drv, builder);
    }

    @Override
    public Frame collectGarbage(long maxFreed, java.util.List<gcsim.scenario.Op.GcPause> pauses) {
        return new CollectGarbage(w, this, maxFreed, pauses);
    }

    @Override
    public void close() {
        // A local store closes with its process: LocalStoreDestructor runs from the process's exit path.
    }

    @Override
    public String toString() {
        return "LocalStore of " + process;
    }

    /** {@code checkInterrupt()} in any thread of this store's process. */
    void checkInterrupt() {
        if (interrupt != null) {
            interrupt.check(w.kernel);
        }
    }
}

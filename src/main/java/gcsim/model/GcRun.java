package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.CondVar;
import gcsim.kernel.Connection;
import gcsim.kernel.Derived;
import gcsim.kernel.Guard;
import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;
import gcsim.kernel.Listener;
import gcsim.kernel.Mutex;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The in-memory state of one {@code collectGarbage} run (§1 "In-memory state of one GC run").
 * Sets over store entries ({@code 2p} a path, {@code 2p+1} its lock file) are BitSets, which iterate
 * in a fixed order.
 */
final class GcRun {
    final long maxFreed;
    /** Permanent and temp roots by exact path (entry numbers). */
    final BitSet roots = new BitSet();
    final BitSet alive = new BitSet();
    final BitSet dead = new BitSet();
    /** Per-run cache of queryGCReferrers; null until queried. */
    final IntList[] referrersCache;

    // Shared{tempRoots, pending}, guarded by mutex, with the condition variable wakeup (§2.7).
    final Mutex mutex;
    final CondVar wakeup;
    /** Temp roots by hash part (path id): they protect every entry with that hash. */
    final BitSet tempRoots = new BitSet();
    /** The hash part (path id) being deleted, or -1. */
    int pending = -1;

    Listener listener;
    Actor server;
    final List<Actor> clientThreads = new ArrayList<>(2);
    final List<Connection.End> clientEnds = new ArrayList<>(2);
    /**
     * Set by the main thread at G13; the server and client threads then end. Private so that every
     * step reads it through {@link #shuttingDown(boolean)}: a server or client step that branches on
     * it without reporting the read would look independent of the main thread's G13 step to the
     * exhaustive search, which would then never try the client receiving before the shutdown
     * instead of after it (or the server accepting instead of closing).
     */
    private boolean shutdown;
    /** The footprint resource of {@link #shutdown}: the shutdown pipe of §2.7. */
    private final int shutdownResource;
    private final Kernel kernel;
    long freed;

    /** The store this collector runs in; its state mutex matters under 2.8 (§2.6). */
    final LocalStore store;

    /** True when every client thread has ended: what the server joins on at shutdown (a loop: a guard is asked often). */
    boolean clientThreadsDone() {
        for (int i = 0, n = clientThreads.size(); i < n; i++) {
            if (!clientThreads.get(i).done()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The joins of the main thread on the server and of the server on its client threads, made once
     * per run rather than at each wait: a guard is a pure read, so one object serves every wait.
     * Classes rather than lambdas, as the kernel's own guards are: a world's copy rebuilds a lambda
     * through reflection, but copies a plain object field by field.
     */
    @Derived("guard objects over server and clientThreads, made once")
    final Guard serverEnded = new ServerEnded();
    @Derived("guard objects over server and clientThreads, made once")
    final Guard clientThreadsEnded = new ClientThreadsEnded();

    private final class ServerEnded extends Guard {
        ServerEnded() {
            super(Guard.ENDINGS);
        }

        @Override
        public boolean ready() {
            return serverDone();
        }
    }

    private final class ClientThreadsEnded extends Guard {
        ClientThreadsEnded() {
            super(Guard.ENDINGS);
        }

        @Override
        public boolean ready() {
            return clientThreadsDone();
        }
    }

    GcRun(Kernel kernel, LocalStore store, int paths, long maxFreed) {
        this.store = store;
        this.maxFreed = maxFreed;
        this.referrersCache = new IntList[paths];
        this.mutex = new Mutex(kernel, "the collector's Shared");
        this.wakeup = new CondVar(kernel);
        this.kernel = kernel;
        this.shutdownResource = kernel.newResource();
        store.w.collectorRuns.add(this);
    }

    /**
     * {@code markAlive(P)} (§2.7): the entry and, for a valid path, its forward closure over
     * references; with keep-outputs a derivation's valid outputs, with keep-derivations each path's
     * deriver (the whole-store run, the only one modelled). Invalid paths are skipped. A DB step.
     */
    void markAlive(World w, int entry) {
        alive.set(entry);
        if ((entry & 1) != 0) {
            return;
        }
        IntList todo = IntList.of(entry >> 1);
        BitSet seen = new BitSet();
        seen.set(entry >> 1);
        while (!todo.isEmpty()) {
            int p = todo.removeAt(todo.size() - 1);
            if (!w.db.isValid(p)) {
                continue;
            }
            alive.set(2 * p);
            for (int r : w.db.references(p)) {
                if (!seen.get(r)) {
                    seen.set(r);
                    todo.add(r);
                }
            }
            if (w.settings.keepOutputs() && w.layout.isDrv(p)) { // every valid output, no deriver check
                IntList outs = w.db.validOutputs(p);
                for (int j = 0; j < outs.size(); j++) {
                    if (!seen.get(outs.get(j))) {
                        seen.set(outs.get(j));
                        todo.add(outs.get(j));
                    }
                }
            }
            if (w.settings.keepDerivations()) {
                int d = w.db.deriverOf(p);
                if (d >= 0 && !seen.get(d)) {
                    seen.set(d);
                    todo.add(d);
                }
            }
        }
    }

    /** G13.1, by the main thread's step: asks the server and client threads to end; a write of the flag. */
    void shutDown() {
        kernel.write(shutdownResource);
        shutdown = true;
        // the server's and client threads' guards read the flag but watch their sockets: wake those
        if (listener != null) {
            kernel.wake(listener.pending().watches());
        }
        for (int i = 0, n = clientEnds.size(); i < n; i++) {
            kernel.wake(clientEnds.get(i).readable().watches());
        }
    }

    /**
     * Whether G13 has begun, as a step of the server or a client thread reads it after waking. The
     * read is reported only when {@code otherWake}: the step's guard was ready for another reason
     * too (a client passes true, as a line may wait; the server passes whether a connection waits,
     * learnt through a reported read of the listener, so that its footprint stays the same when a
     * connect is swapped with it). Otherwise the flag alone woke the step: it could not have run
     * before the G13 step that set it, the kernel's enabling edge already orders the two, and the
     * search reverses such a pair only through another enabler, which would make {@code otherWake}
     * true in that execution. Reporting the read there too adds no execution, only races the search
     * cannot reverse: the gc scenario's exhaustive search grew from 30,307 executions past 200,000.
     */
    boolean shuttingDown(boolean otherWake) {
        if (otherWake) {
            kernel.read(shutdownResource);
        }
        return shutdown;
    }

    /**
     * The flag without recording a read: for guards, which the kernel evaluates between steps (a
     * read there would land in the footprint of whichever step ran last), and for state views. The
     * step a guard wakes reads the flag again through {@link #shuttingDown(boolean)}.
     */
    boolean shutdownRequested() {
        return shutdown;
    }

    boolean serverDone() {
        return server == null || server.done();
    }
}

package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.kernel.IntList;
import gcsim.kernel.OpenFile;

/**
 * {@code LocalStore::collectGarbage} deleting dead paths of the whole store (§2.7 G2–G13), as the
 * collector runs in {@code nix-collect-garbage}, a worker's CollectGarbage op, or an auto-GC thread.
 *
 * <p>Roots are read once, before any deletion, under an exclusive gc.lock; roots that appear later
 * reach this run only through its socket (§2.6). The store directory is read once and walked in an
 * order the strategy chooses, since readdir returns entries in file-system order.
 */
final class CollectGarbage extends ModelFrame {
    private static final String FN = "collectGarbage §2.7";
    private final LocalStore ls;
    private final GcRun run;
    private OpenFile lockFd;
    private IntList order;
    private int i;
    private Fault deferred;
    private final java.util.List<gcsim.scenario.Op.GcPause> pauses;
    private String pauseUntil;

    CollectGarbage(World w, LocalStore ls, long maxFreed, java.util.List<gcsim.scenario.Op.GcPause> pauses) {
        super(w);
        this.ls = ls;
        this.pauses = pauses;
        this.run = new GcRun(w.kernel, ls, w.layout.size(), maxFreed);
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // G2 (the reserved-space file is private) and G3: a new descriptor on gc.lock,
                    // exclusive and blocking ⟂[lock]
                ls.checkInterrupt(); // G2's deletePath(reservedPath): _deletePath checks first (gc.cc 389)
                lockFd = new OpenFile(self.process(), w.gcLock, "gc.lock (collector)");
                if (ls.interrupt != null && !w.gcLock.canLock(lockFd, true)) {
                    ls.interrupt.check(k); // FdLock's first, non-blocking try failed: lockFile checks (pathlocks.cc 60)
                }
                pc = 1;
                return self.await(interruptible(self, w.gcLock.lockable(lockFd, true)));
            case 1:
                if (ls.interrupt != null && ls.interrupt.returned(self, k)) { // flock returned EINTR: checkInterrupt
                    ls.interrupt.check(k);
                }
                w.gcLock.lock(lockFd, true);
                w.gcStarted();
                if (k.tracing()) {
                    story(FN + " G3", "collector takes gc.lock exclusively");
                }
                if (pausesAt(gcsim.scenario.Op.PausePoint.AFTER_LOCK)) { // G4: _NIX_TEST_GC_SYNC_1
                    if (k.tracing()) {
                        note(FN + " G4", "pauses until " + pauseUntil);
                    }
                    pc = 2;
                    return self.await(w.signalled(pauseUntil));
                }
                return yieldTo(2);
            case 2: // G5: unlink the old socket file ⟂[fs]; until the bind, connects see ENOENT
                w.gcSocket.unlink();
                return yieldTo(25);
            case 25: // G5: bind and listen ⟂[fs]; G6: start the server thread ⟂[thr], in the same step:
                     // the start is seen by nobody until S accepts, which it can do right after either
                     // way, so the ⟂ between the two is the ⟂ after them (docs/model.md, G6)
                run.listener = w.gcSocket.bind(self.process());
                if (k.tracing()) {
                    note(FN + " G5", "binds gc-socket/socket");
                }
                run.server = GcServer.spawn(w, run, self.process());
                return yieldTo(4);
            case 4: // G7 (findRootsNoTemp) and G8 (findTempRoots), in the variant's order
                pc = 5;
                return self.call(new FindRoots(w, ls, run));
            case 5:
                if (pausesAt(gcsim.scenario.Op.PausePoint.AFTER_ROOTS)) { // G9: _NIX_TEST_GC_SYNC_2
                    if (k.tracing()) {
                        note(FN + " G9", "pauses until " + pauseUntil);
                    }
                    pc = 11;
                    return self.await(w.signalled(pauseUntil));
                }
                return goTo(11);
            case 11: // G10: read the store directory ⟂[fs], in an order the strategy chooses
                if (run.maxFreed <= 0) {
                    return goTo(19);
                }
                order = w.store.entries();
                for (int j = 0; j < order.size() - 1; j++) { // a uniform permutation, one choice per slot
                    int pick = j + k.choose(order.size() - j);
                    int tmp = order.get(j);
                    order.set(j, order.get(pick));
                    order.set(pick, tmp);
                }
                if (k.tracing()) {
                    if (k.tracing()) {
                        note(FN + " G10", "readdir of the store: " + order.size() + " entries");
                    }
                }
                i = 0;
                return yieldTo(12);
            case 12: // G10: each entry parses as a store path (a .lock too): maybeDeleteReferrersClosure
                if (i == order.size()) {
                    return goTo(19);
                }
                ls.checkInterrupt(); // the readdir loop's checkInterrupt (gc.cc 813 at 88b09c64fb)
                return self.call(new DeleteReferrersClosure(w, run, order.get(i++)));
            case 19: // G11: the .links loop checks for an interrupt at each entry, "." and ".." at least
                     // (gc.cc 856–857 at 88b09c64fb); .links is not modelled otherwise
                ls.checkInterrupt();
                return goTo(20);
            case 20: // G13.1: stop the server: shutdown, notify_all, join S ⟂[thr]
                run.shutDown();
                run.wakeup.signalAll();
                pc = 21;
                return self.await(run.serverEnded);
            case 21: // G13.2: close the listening socket; the socket file stays
                if (run.listener != null) {
                    run.listener.close();
                }
                return yieldTo(22);
            case 22: // G13.3: release gc.lock ⟂[lock]
                lockFd.close();
                if (k.tracing()) {
                    story(FN + " G13", "collector releases gc.lock; freed " + Bytes.format(run.freed));
                }
                if (deferred != null) {
                    throw deferred;
                }
                return self.ret(run.freed);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /**
     * A blocking wait that a signal cuts short in the worker's main thread (EINTR), whose next step
     * then meets checkInterrupt; plain elsewhere, and where no interrupt can come.
     */
    private gcsim.kernel.Guard interruptible(Actor self, gcsim.kernel.Guard g) {
        return ls.interrupt == null ? g : ls.interrupt.eintr(self, g, k);
    }

    private boolean pausesAt(gcsim.scenario.Op.PausePoint point) {
        for (int i = 0, n = pauses.size(); i < n; i++) {
            gcsim.scenario.Op.GcPause p = pauses.get(i);
            if (p.at() == point) {
                pauseUntil = p.until();
                return true;
            }
        }
        return false;
    }

    @Override
    protected boolean handle(Actor self, Fault fault) {
        if (pc <= 1 && lockFd != null) { // interrupted before it held gc.lock: the descriptor closes as it unwinds
            lockFd.close();
        }
        if (pc == 20 || pc == 21 || pc == 22 || run.listener == null) { // already shutting down, or nothing to shut
            return false;
        }
        if (fault instanceof NixError e && NixError.GC_LIMIT.equals(e.kind())) {
            if (k.tracing()) {
                note(FN + " G10", "deleted more than max-freed; stopping");
            }
            pc = 19; // GCLimitReached is caught: the .links loop still runs
            return true;
        }
        deferred = fault; // every exit path stops the server and releases the lock first (G13)
        pc = 20;
        return true;
    }
}

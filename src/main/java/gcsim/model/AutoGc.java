package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Guard;
import gcsim.kernel.Control;
import gcsim.kernel.Promise;

/**
 * {@code LocalStore::autoGC(sync)} (§2.9): when free space is below min-free, start one collector
 * thread per process that frees up to max-free, and (when sync) wait for it. A caller that finds a
 * run in progress waits on the same shared future. Inside addToStoreFromDump this means the
 * caller registers its path only after the whole run it triggered has finished.
 */
final class AutoGc extends ModelFrame {
    private static final String FN = "autoGC §2.9";
    private final LocalStore ls;
    private final boolean sync;
    private Promise<Object> future;
    private long avail;

    AutoGc(World w, LocalStore ls, boolean sync) {
        super(w);
        this.ls = ls;
        this.sync = sync;
    }

    private boolean joined() {
        return w.switches.autoGcThread() == gcsim.variant.AutoGcThread.JOINED;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // steps 1–3: lock the state; a running GC: share its future; the check interval
                if (w.settings.minFree() == 0) {
                    return self.ret(null);
                }
                k.read(ls.autoGcState);
                if (ls.gcRunning) {
                    future = ls.gcFuture;
                    if (k.tracing()) {
                        note(FN + " step 2", "an auto-GC is already running in this process; waiting for it");
                    }
                    return goTo(10);
                }
                if (ls.lastGcCheck != Long.MIN_VALUE
                        && k.now() < ls.lastGcCheck + w.settings.minFreeCheckIntervalNanos()) {
                    return self.ret(null);
                }
                return goTo(1);
            case 1: { // steps 4–10: read the free space ⟂[fs]; maybe start the collector thread ⟂[thr]
                long avail = w.store.free();
                k.write(ls.autoGcState); // lastGCCheck, and the test of the previous thread's end below
                ls.lastGcCheck = k.now();
                if (avail >= w.settings.minFree() || avail >= w.settings.maxFree()) {
                    if (k.tracing()) {
                        note(FN + " step 6", "free " + Bytes.format(avail) + " ≥ min-free; no GC");
                    }
                    return yieldTo(11);
                }
                if ((double) avail > (double) ls.availAfterGc * 0.97) {
                    if (k.tracing()) {
                        note(FN + " step 7", "free " + Bytes.format(avail) + " not below 0.97 × free after the last GC; no GC");
                    }
                    return yieldTo(11);
                }
                this.avail = avail;
                if (joined() && ls.gcThread != null && !ls.gcThread.done()) {
                    // step 8 (joined thread, gc.cc 941–944 at 88b09c64fb): join the previous GC thread,
                    // which has fulfilled its promise and is only unwinding ⟂[thr]. Only one thread of a
                    // modelled process calls autoGC, so nobody else needs the state lock meanwhile.
                    pc = 2;
                    gcsim.kernel.Actor gc = ls.gcThread;
                    return self.await(Guard.watching(Guard.ENDINGS, gc::done, () -> "the end of its auto-GC thread " + gc.name()));
                }
                return goTo(2);
            }
            case 2: { // steps 9–10: running, a new shared future, start the thread ⟂[thr] (gc.cc 946–951)
                k.write(ls.autoGcState);
                ls.gcRunning = true;
                ls.gcFuture = new Promise<>(k, "the future of its auto-GC run");
                future = ls.gcFuture;
                long maxFreed = w.settings.maxFree() - avail;
                ls.gcThread = ls.process.spawnNamed("/auto-gc", -1, new AutoGcThread(w, ls, maxFreed, future));
                if (k.tracing()) {
                    story(FN + " step 10", "free space " + Bytes.format(avail) + " < min-free " + Bytes.format(w.settings.minFree())
                            + ": starts an auto-GC to free up to " + Bytes.format(maxFreed));
                }
                // the ⟂[thr] after the start: when sync, step 11's wait on the future is that point
                return sync ? goTo(10) : yieldTo(10);
            }
            case 10: // step 11: if sync, wait on the future ⟂[wait]
                if (!sync) {
                    return self.ret(null);
                }
                pc = 11;
                return self.await(future);
            case 11:
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /**
     * The auto-GC thread (§2.9 step 10): detached at the baseline commit and in 2.8, where the
     * destructor only waits on its future; joinable on master (#15614), where the thread's end after
     * the promise is a step of its own that ~LocalStore and the next autoGC wait for.
     */
    static final class AutoGcThread extends ModelFrame {
        private final LocalStore ls;
        private final long maxFreed;
        private final Promise<Object> future;

        AutoGcThread(World w, LocalStore ls, long maxFreed, Promise<Object> future) {
            super(w);
            this.ls = ls;
            this.maxFreed = maxFreed;
            this.future = future;
        }

        @Override
        protected Control step(Actor self) {
            switch (pc) {
                case 0:
                    pc = 4;
                    return self.call(new CollectGarbage(w, ls, maxFreed, java.util.List.of()));
                case 4: // collectGarbage has returned, its last step releasing gc.lock; the reading of
                        // free space comes after ⟂: another collector may take gc.lock and free space first
                    return yieldTo(1);
                case 1: // availAfterGC from another reading ⟂[fs]; then the finally-part
                    k.write(ls.autoGcState);
                    ls.availAfterGc = w.store.free();
                    return goTo(2);
                case 2: // finally: running = false, lastGCCheck = now, fulfil the promise
                    k.write(ls.autoGcState);
                    ls.gcRunning = false;
                    ls.lastGcCheck = k.now();
                    future.fulfil(null);
                    if (k.tracing()) {
                        note(FN + " step 10", "auto-GC finished");
                    }
                    if (w.switches.autoGcThread() == gcsim.variant.AutoGcThread.JOINED) {
                        return yieldTo(3);
                    }
                    // Detached: the thread's unwinding after the promise is observed by nobody (the
                    // process's exit ends it), so it shares this step.
                    return self.ret(null);
                case 3: // joined (gc.cc 955–960, 978 at 88b09c64fb): the finally-part releases the state
                        // lock and the thread ends after its promise ⟂; ~LocalStore and the next
                        // autoGC join it; the end is what they test, so it writes the state
                    k.write(ls.autoGcState);
                    if (k.tracing()) {
                        note(FN + " step 10", "the auto-GC thread ends");
                    }
                    return self.ret(null);
                default:
                    throw new IllegalStateException("pc " + pc);
            }
        }

        @Override
        protected boolean handle(Actor self, gcsim.kernel.Fault fault) {
            // Exceptions from the collector are swallowed; availAfterGC is not updated (the throw
            // skips it), but the finally-part still runs.
            if (k.tracing()) {
                note(FN + " step 10", "auto-GC failed and the error was swallowed: " + fault.getMessage());
            }
            pc = 2;
            return true;
        }
    }
}

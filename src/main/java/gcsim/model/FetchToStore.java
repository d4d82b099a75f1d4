package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;

/**
 * {@code fetchToStore2} (§2.11): F1 the in-process map, taking no new root; F2 the user's fetcher
 * cache — a temp root only with #15237's switch — then isValidPath; F3 addToStore through the
 * worker, which roots the path, then queryPathInfo and the cache update.
 *
 * <p>Who has the F1 memo depends on S4. At the baseline it is the evaluator state's
 * {@code srcToStore}, which only {@code copyPathToStore} (path literals) consults and fills, after
 * fetchToStore returns from F2 or F3 (eval.cc 2500–2523 at the baseline); {@code builtins.path}
 * calls fetchToStore directly (primops.cc 2834 at the baseline) and has none. On master the memo is inside
 * fetchToStore2 (fetch-to-store.cc 56–60 at master), one per process, for every caller without a
 * filter, filled by F3 (144–145) and by F2 hits (85). A scenario process evaluates in one evaluator
 * state, so the memo is the client's either way; what changes is which callers use it.
 */
final class FetchToStore extends ModelFrame {
    private static final String FN = "fetchToStore2 §2.11";
    private final Client c;
    private final int p;
    /** Whether this call uses the F1 memo: path literals always, builtins.path only with S4. */
    private final boolean memo;

    /** {@code literal}: a path literal (copyPathToStore); otherwise builtins.path without a filter. */
    FetchToStore(World w, Client c, int p, boolean literal) {
        super(w);
        this.c = c;
        this.p = p;
        this.memo = literal || w.switches.srcMemo() == gcsim.variant.SrcMemo.PROCESS;
    }

    @Override
    protected int subject() { // the path this activation is about, for transfers
        return p;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // F1 (fetch-to-store.cc 56–60 at master; eval.cc copyPathToStore at the baseline)
                if (memo && c.srcToStore.get(p)) {
                    if (k.tracing()) {
                        note(FN + " F1", name(p) + " is in this process's srcToStore map; no new root");
                    }
                    return self.ret(p);
                }
                if (!w.fetcherCacheHas(c.user, p)) {
                    return goTo(10);
                }
                if (w.switches.fetchCacheTempRoot()) { // F2 with #15237: addTempRoot first ⟂[ipc]
                    pc = 1;
                    return self.call(c.store.addTempRoot(p));
                }
                return goTo(1);
            case 1: // F2: isValidPath ⟂[ipc]
                pc = 2;
                return self.call(c.store.isValidPath(p));
            case 2:
                if ((Boolean) self.result()) {
                    if (memo) { // master: the F2 hit fills the memo (85); baseline: copyPathToStore does
                        c.srcToStore.set(p);
                    }
                    if (k.tracing()) {
                        story(FN + " F2", "fetcher-cache hit for " + name(p) + ": valid, used"
                                + (w.switches.fetchCacheTempRoot() ? "" : " without a temp root"));
                    }
                    return self.ret(p);
                }
                return goTo(10);
            case 10: // F3: addToStore through the worker ⟂[ipc]
                pc = 11;
                return self.call(c.store.addToStore(p));
            case 11: // F3: queryPathInfo ⟂[ipc]
                pc = 12;
                return self.call(c.store.queryPathInfo(p));
            case 12: // F3: update the fetcher cache and srcToStore
                w.addToFetcherCache(c.user, p);
                if (memo) { // master 144–145; baseline: copyPathToStore after fetchToStore returns
                    c.srcToStore.set(p);
                }
                if (k.tracing()) {
                    note(FN + " F3", name(p) + " copied to the store");
                }
                return self.ret(p);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}

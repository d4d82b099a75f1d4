package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;

/**
 * {@code fetchToStore2} (§2.11): F1 the in-process map, taking no new root; F2 the user's fetcher
 * cache — a temp root only with #15237's switch — then isValidPath; F3 addToStore through the
 * worker, which roots the path, then queryPathInfo and the cache update.
 */
final class FetchToStore extends ModelFrame {
    private static final String FN = "fetchToStore2 §2.11";
    private final Client c;
    private final int p;

    FetchToStore(World w, Client c, int p) {
        super(w);
        this.c = c;
        this.p = p;
    }

    @Override
    protected int subject() { // the path this activation is about, for transfers
        return p;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // F1
                if (c.srcToStore.get(p)) {
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
                    c.srcToStore.set(p);
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
                c.srcToStore.set(p);
                if (k.tracing()) {
                    note(FN + " F3", name(p) + " copied to the store");
                }
                return self.ret(p);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}

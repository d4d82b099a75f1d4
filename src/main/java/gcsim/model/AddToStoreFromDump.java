package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;

/**
 * {@code LocalStore::addToStoreFromDump} (§2.4, HEAD order): temp root, validity check, path lock,
 * second check, remove leftovers, synchronous auto-GC, write, register, unlock. The temp root comes
 * before the write because an invalid path on disk is garbage unless its hash is temp-rooted; the
 * references get no root here, which is the caller's business (§2.3).
 *
 * <p>Dumps are small (below {@code nar-buffer-size}), so step 1's temporary directory is not used.
 */
final class AddToStoreFromDump extends ModelFrame {
    private static final String FN = "addToStoreFromDump §2.4";
    private final LocalStore ls;
    private final int p;
    private PathLock lock;

    AddToStoreFromDump(World w, LocalStore ls, int p) {
        super(w);
        this.ls = ls;
        this.p = p;
    }

    @Override
    protected int subject() { // the path this activation is about, for transfers
        return p;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // steps 1–3: the dump has arrived; dstPath is computed; addTempRoot(dstPath)
                pc = 1;
                return self.call(new AddTempRoot(w, ls, p));
            case 1: // step 4: isValidPath ⟂[db] (cached in a client's own store; workers have no cache)
                if (ls.cachedValid(p) || w.db.isValid(p)) {
                    if (k.tracing()) {
                        note(FN + " step 4", name(p) + " is already valid");
                    }
                    return self.ret(p);
                }
                return yieldTo(2);
            case 2: // step 5: PathLocks: open or create <path>.lock ⟂[fs], then a blocking exclusive flock
                lock = new PathLock(w, ls, p);
                pc = 3;
                return self.await(lock.open());
            case 3: // step 5: locked; a nonzero size means the previous holder deleted it: retry
                if (!lock.take()) {
                    return yieldTo(2);
                }
                if (k.tracing()) {
                    note(FN + " step 5", "locks " + name(p) + ".lock");
                }
                return yieldTo(4);
            case 4: { // step 6: isValidPath again ⟂[db]: cached at the baseline, like step 4; with
                      // add-recheck-uncached, isValidPathUncached (local-store.cc 1317 at 88b09c64fb)
                boolean uncached = w.switches.addRecheckUncached();
                if ((!uncached && ls.cachedValid(p)) || w.db.isValid(p)) {
                    if (k.tracing()) {
                        note(FN + " step 6", name(p) + " became valid meanwhile");
                    }
                    // uncached: invalidatePathInfoCacheFor drops a negative cache entry (1382–1384). The
                    // model's cache holds positive entries only (a failed queryPathInfo ends its process
                    // here), and a positive one would have ended step 4, so there is none to drop.
                    return goTo(13);
                }
                return yieldTo(5);
            }
            case 5: // step 7: deletePath(realPath): remove leftovers ⟂[fs]
                w.store.delete(p);
                return yieldTo(6);
            case 6: // step 8: autoGC(sync = true)
                pc = 7;
                return self.call(new AutoGc(w, ls, true));
            case 7: // step 9: write the contents ⟂[fs]; steps 10–11 (NAR hash, optimisePath) touch only
                    // this path's own file, which its temp root protects, so they share this step
                w.store.materialise(p);
                if (k.tracing()) {
                    note(FN + " steps 9–11", "writes " + name(p) + " to the store");
                }
                return yieldTo(8);
            case 8: // step 12: registerValidPath with the references ⟂[db] (§2.5)
                // makeFromCA: the references without self, and no deriver (local-store.cc, path-info.cc)
                w.db.register(p, w.layout.refsWithoutSelf(p), -1, "registerValidPaths §2.5 step 4 (from " + FN + " step 12)");
                ls.registered(p);
                if (k.tracing()) {
                    story(FN + " step 12", "registers " + name(p) + " as valid");
                }
                return yieldTo(13);
            case 13: // step 13: mark the lock for deletion, unlink it and release ⟂[fs][lock]
                releaseLock(true);
                return self.ret(p);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    private void releaseLock(boolean delete) {
        if (lock != null) {
            lock.release(delete);
        }
    }

    @Override
    protected boolean handle(Actor self, Fault fault) {
        // PathLocks' destructor releases the lock without deleting the file when an error unwinds.
        releaseLock(false);
        if (fault instanceof NixError e && NixError.INVALID_PATH.equals(e.kind())) {
            if (k.tracing()) {
                story(FN + " step 12", "registration fails: " + e.getMessage());
            }
        }
        return false;
    }
}

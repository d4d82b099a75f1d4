package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;

/**
 * {@code LocalStore::addToStore(info, NAR)} (§2.4; local-store.cc 1074–1181 at master), what a
 * worker runs for each path of AddMultipleToStore (daemon.cc 534–559): temp root for the path,
 * validity check, path lock, second check, remove leftovers, restore the NAR, a synchronous auto-GC,
 * then registration with the references the sender listed. Unlike addToStoreFromDump the contents
 * are on disk before the auto-GC runs. Only the path itself is rooted: a reference that was valid
 * when the client asked QueryValidPaths is protected by nothing, so a collection between that
 * answer and the registration makes the registration fail (§4 O1 in the project's reference).
 */
final class AddToStoreNar extends ModelFrame {
    private static final String FN = "LocalStore::addToStore(info) §2.4";
    private final LocalStore ls;
    private final int p;
    private PathLock lock;

    AddToStoreNar(World w, LocalStore ls, int p) {
        super(w);
        this.ls = ls;
        this.p = p;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // step 2: addTempRoot(info.path) (local-store.cc 1080)
                pc = 1;
                return self.call(new AddTempRoot(w, ls, p));
            case 1: // step 3: isValidPath ⟂[db] (1082); valid: nothing to add
                if (ls.cachedValid(p) || w.db.isValid(p)) {
                    if (k.tracing()) {
                        note(FN + " step 3", name(p) + " is already valid");
                    }
                    return self.ret(null);
                }
                return yieldTo(2);
            case 2: // step 4: PathLocks on the real path (1092): open or create ⟂[fs], blocking exclusive flock
                lock = new PathLock(w, ls, p);
                pc = 3;
                return self.await(lock.open());
            case 3: // step 4: locked; a nonzero size means the previous holder deleted it: retry
                if (!lock.take()) {
                    return yieldTo(2);
                }
                return yieldTo(4);
            case 4: // step 5: validity again ⟂[db] (1095): isValidPathUncached with S9, cached before it
                if ((!w.switches.addRecheckUncached() && ls.cachedValid(p)) || w.db.isValid(p)) {
                    if (w.switches.addRecheckUncached()) { // invalidatePathInfoCacheFor (1176), master only
                        ls.invalidated(p);
                    }
                    return goTo(9);
                }
                return yieldTo(5);
            case 5: // step 6: deletePath(realPath) ⟂[fs] (1097)
                w.store.delete(p);
                return yieldTo(6);
            case 6: // step 7: restorePath from the NAR stream ⟂[ipc][fs] (1103–1108); step 8's hash checks are local
                w.store.materialise(p);
                if (k.tracing()) {
                    note(FN + " step 7", "restores " + name(p) + " from the NAR");
                }
                return yieldTo(7);
            case 7: // step 9: autoGC() with sync = true (1164), after the contents are written
                pc = 8;
                return self.call(new AutoGc(w, ls, true));
            case 8: // step 11: registerValidPath(info) ⟂[db] (1173): every reference must be valid (§2.5)
                w.db.register(p, w.layout.refs(p), w.layout.deriver(p), "registerValidPaths §2.5 step 4 (from " + FN + " step 11)");
                ls.registered(p);
                if (k.tracing()) {
                    story(FN + " step 11", "registers " + name(p) + " as valid");
                }
                return yieldTo(9);
            case 9: // step 12: setDeletion(true), unlink and release the lock ⟂[fs][lock] (1179)
                releaseLock(true);
                return self.ret(null);
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
        releaseLock(false); // PathLocks' destructor: release without deleting the lock file
        if (fault instanceof NixError e && NixError.INVALID_PATH.equals(e.kind()) && k.tracing()) {
            story(FN + " step 11", "registration fails: " + e.getMessage());
        }
        return false;
    }

    /**
     * The worker's side of AddMultipleToStore (daemon.cc 534–559 at master): reads each path's info
     * and NAR from the stream ⟂[ipc] and adds it, in the order the client sorted them (references
     * first). An error ends the op; paths added before it stay valid.
     */
    static final class Multiple extends ModelFrame {
        private final LocalStore ls;
        private final int[] paths;
        private int i;

        Multiple(World w, LocalStore ls, int[] paths) {
            super(w);
            this.ls = ls;
            this.paths = paths;
        }

        @Override
        protected Control step(Actor self) {
            if (pc == 0) { // the next path's info arrives ⟂[ipc]
                pc = 1;
                return Control.YIELD;
            }
            if (i < paths.length) {
                pc = 0;
                return self.call(new AddToStoreNar(w, ls, paths[i++]));
            }
            return self.ret(null);
        }
    }
}

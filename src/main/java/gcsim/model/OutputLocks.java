package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;

/**
 * A build's output-path locks and what it does once it holds them (§2.3 steps 9–10,
 * DerivationBuildingGoal::tryToBuild; {@code acquireResources} at master): {@code
 * PathLocks::lockPaths} over the outputs' {@code .lock} files without waiting. When another build
 * holds one, the locks taken so far are released and the goal waits a while: the worker loop sleeps
 * {@code build-poll-interval} (5 s), and its next iteration begins with {@code autoGC(false)}; then
 * every lock is tried again. Holding them all, it checks the outputs again: if another build made
 * them all valid it releases the locks and returns true ("someone beat us to it"); otherwise it
 * deletes each output that is not valid, the leftovers of an earlier build, and returns false.
 *
 * <p>The locks outlive the frame: the build releases them, deleting the files, once its outputs are
 * registered or found valid (someone beat it to them), and only unlocks them when an error unwinds,
 * as PathLocks' destructor does. That is why two builds of one derivation never both run the
 * builder: the second finds the outputs valid after the first releases its locks.
 */
final class OutputLocks extends ModelFrame {
    private static final long POLL_NANOS = 5_000_000_000L; // build-poll-interval's default
    private final LocalStore ls;
    private final int drv;
    private final int[] outputs;
    private final PathLock[] locks;
    private int i;
    private boolean[] invalid; // which outputs were not valid once the locks were held

    OutputLocks(World w, LocalStore ls, int drv) {
        super(w);
        this.ls = ls;
        this.drv = drv;
        this.outputs = w.layout.outputs(drv).clone();
        w.layout.sortByRank(outputs); // lockPaths takes a sorted set of lock file names
        this.locks = new PathLock[outputs.length];
    }

    @Override
    protected int subject() { // the derivation whose outputs these are, for transfers
        return drv;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // lockPaths(wait = false): open or create the next output's .lock ⟂[fs]
                if (i == outputs.length) {
                    return goTo(3);
                }
                locks[i] = new PathLock(w, ls, outputs[i]);
                locks[i].open();
                return yieldTo(1);
            case 1: // … LOCK_NB ⟂[lock]
                switch (locks[i].tryTake()) {
                    case TAKEN:
                        i++;
                        return yieldTo(0);
                    case STALE: // the previous holder deleted it: open the name again
                        locks[i] = null;
                        return yieldTo(0);
                    default: // BUSY: release what this call holds, then waitForAWhile
                        locks[i] = null;
                        release(false);
                        if (k.tracing()) {
                            note("DerivationBuildingGoal §2.3", "waiting for lock on " + name(outputs[i]) + ".lock");
                        }
                        i = 0;
                        pc = 2;
                        return self.sleep(POLL_NANOS);
                }
            case 2: // the loop's next iteration: autoGC(false) (worker.cc 293 at master), then lock again
                pc = 0;
                return self.call(new AutoGc(w, ls, false));
            case 3: // checkPathValidity again ⟂[db] (B 303–309, M 434–446)
                invalid = invalidOutputs(w, outputs);
                if (invalid == null) {
                    if (k.tracing()) {
                        note("DerivationBuildingGoal §2.3", "someone beat us to it: " + name(drv) + "'s outputs are valid now");
                    }
                    release(true);
                    return self.ret(Boolean.TRUE);
                }
                i = 0;
                return yieldTo(4);
            case 4: // deletePath of each output that is not valid ⟂[fs], one step each (B 313–321, M 450–457)
                if (i < outputs.length) {
                    if (invalid[i]) {
                        w.store.delete(outputs[i]);
                    }
                    i++;
                    return yieldTo(4);
                }
                return self.ret(Boolean.FALSE);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /** Which outputs are not valid now ⟂[db] (checkPathValidity), or null when all are. */
    private static boolean[] invalidOutputs(World w, int[] outputs) {
        boolean[] invalid = null;
        for (int j = 0; j < outputs.length; j++) {
            if (!w.db.isValid(outputs[j])) {
                if (invalid == null) {
                    invalid = new boolean[outputs.length];
                }
                invalid[j] = true;
            }
        }
        return invalid;
    }

    /** Releases every lock held, deleting the files when {@code delete} (PathLocks' setDeletion). */
    void release(boolean delete) {
        for (int j = 0; j < locks.length; j++) {
            if (locks[j] != null) {
                locks[j].release(delete);
                locks[j] = null;
            }
        }
    }
}

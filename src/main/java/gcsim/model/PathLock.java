package gcsim.model;

import gcsim.kernel.Guard;
import gcsim.kernel.OpenFile;

/**
 * A PathLocks lock on one store path as addToStoreFromDump (§2.4 step 5) and the NAR add (§2.12)
 * take it: open or create {@code <path>.lock}, wait for an exclusive flock, start over when the
 * previous holder deleted the file, and on release either delete it (success) or only unlock it (an
 * error unwinding, as PathLocks' destructor does). One class so both callers keep the same protocol.
 */
final class PathLock {
    private final World w;
    private final LocalStore ls;
    private final int path;
    private LockFile file;
    private OpenFile fd;
    private boolean held;

    PathLock(World w, LocalStore ls, int path) {
        this.w = w;
        this.ls = ls;
        this.path = path;
    }

    /** Opens or creates the lock file ⟂[fs]; the caller waits on the guard for the flock. */
    Guard open() {
        file = w.store.openOrCreateLock(path);
        fd = new OpenFile(ls.process, file.flock, w.layout.name(path), -1, ".lock");
        return file.flock.lockable(fd, true);
    }

    /** Takes the flock; false (and the file closed) when the previous holder deleted it: open again. */
    boolean take() {
        file.flock.lock(fd, true);
        if (file.deletedMarker) {
            fd.close();
            return false;
        }
        held = true;
        return true;
    }

    /** Releases the lock if held, deleting the lock file first when {@code delete}. */
    void release(boolean delete) {
        if (!held) {
            return;
        }
        if (delete) {
            file.deletedMarker = true;
            w.store.unlinkLock(path, file);
        }
        fd.close();
        held = false;
    }
}

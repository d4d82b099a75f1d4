package gcsim.model;

import gcsim.kernel.Guard;
import gcsim.kernel.OpenFile;

/**
 * A PathLocks lock on one store path as addToStoreFromDump (§2.4 step 5), the NAR add (§2.12) and
 * a build's output locks (§2.3, without waiting) take it: open or create {@code <path>.lock}, take
 * an exclusive flock, start over when the previous holder deleted the file, and on release either
 * delete it (success) or only unlock it (an error unwinding, as PathLocks' destructor does). One
 * class so every caller keeps the same protocol.
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

    /** What a LOCK_NB attempt found. */
    enum Try {
        /** The lock is held now. */
        TAKEN,
        /** Another holder has it; the file is closed. */
        BUSY,
        /** The previous holder deleted the file; it is closed, open the name again. */
        STALE
    }

    /** Tries the flock without waiting, as {@code lockPaths(…, wait = false)} does (pathlocks.cc). */
    Try tryTake() {
        if (!file.flock.tryLock(fd, true)) {
            fd.close();
            return Try.BUSY;
        }
        if (file.deletedMarker) {
            fd.close();
            return Try.STALE;
        }
        held = true;
        return Try.TAKEN;
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

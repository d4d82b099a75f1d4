package gcsim.model;

import gcsim.kernel.Flock;
import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;

/**
 * One inode of {@code <state>/temproots/<pid>} (§1 item 3, §2.6). Append-only, NUL-separated store
 * paths; its owner holds an exclusive flock on it for its whole life. A collector that wins a
 * non-blocking exclusive lock concludes the owner is dead, unlinks it and writes "d" into it
 * (§2.7 G8), which tells a late owner (§2.6 step 1.3) to start over.
 */
final class TempRootsFile {
    final int pid;
    final Flock flock;
    final IntList paths = new IntList(8);
    /** The "d" the collector writes into a stale file; makes its size nonzero. */
    boolean deletedMarker;

    TempRootsFile(Kernel kernel, int pid) {
        this.pid = pid;
        this.flock = new Flock(kernel);
    }

    /** fstat's size is nonzero. */
    boolean nonEmpty() {
        return deletedMarker || !paths.isEmpty();
    }
}

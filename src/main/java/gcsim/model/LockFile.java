package gcsim.model;

import gcsim.kernel.Flock;
import gcsim.kernel.Kernel;

/**
 * One inode of a {@code <path>.lock} file (PathLocks, §2.4 step 5). The name can be unlinked while
 * processes still hold the inode open and locked; a holder that deletes it writes a marker first,
 * so a waiter that wins the lock afterwards sees a nonzero size and starts over.
 */
final class LockFile {
    final Flock flock;
    /** Set by the deleting holder; "fstat shows a nonzero size". */
    boolean deletedMarker;

    LockFile(Kernel kernel) {
        this.flock = new Flock(kernel);
    }
}

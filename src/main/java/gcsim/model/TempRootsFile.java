package gcsim.model;

import gcsim.kernel.Flock;
import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;

/**
 * One inode of {@code <state>/temproots/<pid>} (§1 item 3, §2.6). Append-only, NUL-separated store
 * paths; its owner holds an exclusive flock on it for its whole life. A collector that wins a
 * non-blocking exclusive lock concludes the owner is dead, unlinks it and writes "d" into it
 * (§2.7 G8), which tells a late owner (§2.6 step 1.3) to start over.
 *
 * <p>The contents are a resource of their own for footprints: the owner's append (§2.6 step 8) and
 * the collector's read (G8.4) race, and neither step touches anything else they share (the owner
 * appends under its own flock, which the collector's read does not take). Steps go through {@link
 * #append}, {@link #read}, {@link #markDeleted} and {@link #nonEmpty}; the raw fields are for state
 * views and trace words, which are not steps.
 */
final class TempRootsFile {
    final int pid;
    final Flock flock;
    final IntList paths = new IntList(8);
    /** The "d" the collector writes into a stale file; makes its size nonzero. */
    boolean deletedMarker;
    private final Kernel kernel;
    /** The footprint resource of the file's contents. */
    private final int contents;

    TempRootsFile(Kernel kernel, int pid) {
        this.pid = pid;
        this.flock = new Flock(kernel);
        this.kernel = kernel;
        this.contents = kernel.newResource();
    }

    /** Appends a store path (§2.6 step 8): a write of the contents. */
    void append(int p) {
        kernel.write(contents);
        paths.add(p);
    }

    /** Reads every complete path (§2.7 G8.4): a read of the contents; the list is not to be changed. */
    IntList read() {
        kernel.read(contents);
        return paths;
    }

    /** Writes the collector's "d" into a stale file (§2.7 G8.3). */
    void markDeleted() {
        kernel.write(contents);
        deletedMarker = true;
    }

    /** fstat's size is nonzero: a read of the contents. */
    boolean nonEmpty() {
        kernel.read(contents);
        return deletedMarker || !paths.isEmpty();
    }
}

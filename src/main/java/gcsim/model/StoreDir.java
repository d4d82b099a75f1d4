package gcsim.model;

import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;

/**
 * The real store directory: which path entries exist on disk, the {@code .lock} files beside
 * them, and the free space of the file system. Adding a path uses its size; deleting frees it.
 *
 * <p>Entries are numbered {@code 2p} for path p and {@code 2p+1} for its lock file; both parse as
 * store paths with the same hash part, which is why a temp root protects a {@code .lock} (§2.7).
 */
public final class StoreDir {
    private final StoreLayout layout;
    private final Kernel kernel;
    private final boolean[] onDisk;
    private final LockFile[] lockFile;
    private final int firstResource;
    private final int freeResource;
    private long free;

    StoreDir(StoreLayout layout, Kernel kernel, long freeAtStart) {
        this.layout = layout;
        this.kernel = kernel;
        int n = layout.size();
        onDisk = new boolean[n];
        lockFile = new LockFile[n];
        int first = -1;
        for (int i = 0; i < 2 * n; i++) {
            int r = kernel.newResource();
            if (i == 0) {
                first = r;
            }
        }
        firstResource = first;
        freeResource = kernel.newResource();
        free = freeAtStart;
        for (int p = 0; p < n; p++) {
            onDisk[p] = layout.presentAtStart(p);
        }
    }

    private int entryResource(int entry) {
        return firstResource + entry;
    }

    public boolean exists(int p) {
        kernel.read(entryResource(2 * p));
        return onDisk[p];
    }

    /** Writes the path's contents: it appears in the directory and uses its size. */
    void materialise(int p) {
        kernel.write(entryResource(2 * p));
        kernel.write(freeResource);
        if (!onDisk[p]) {
            onDisk[p] = true;
            free = Math.max(0, free - layout.bytes(p));
        }
    }

    /** Recursive delete of the path; returns the bytes freed. */
    long delete(int p) {
        kernel.write(entryResource(2 * p));
        kernel.write(freeResource);
        if (!onDisk[p]) {
            return 0;
        }
        onDisk[p] = false;
        free += layout.bytes(p);
        return layout.bytes(p);
    }

    /** The lock file's current inode, or null when no {@code .lock} name exists. */
    LockFile lockFile(int p) {
        kernel.read(entryResource(2 * p + 1));
        return lockFile[p];
    }

    /** open(O_CREAT) of the lock file: the existing inode, or a new one now linked. */
    LockFile openOrCreateLock(int p) {
        kernel.write(entryResource(2 * p + 1));
        if (lockFile[p] == null) {
            lockFile[p] = new LockFile(kernel);
        }
        return lockFile[p];
    }

    /** Unlinks the lock file's name if it still names {@code inode} (or any inode when null). */
    void unlinkLock(int p, LockFile inode) {
        kernel.write(entryResource(2 * p + 1));
        if (inode == null || lockFile[p] == inode) {
            lockFile[p] = null;
        }
    }

    /** readdir: every entry now present, in entry-number order (the caller permutes it). */
    IntList entries() {
        IntList out = new IntList(2 * onDisk.length);
        for (int p = 0; p < onDisk.length; p++) {
            kernel.read(entryResource(2 * p));
            kernel.read(entryResource(2 * p + 1));
            if (onDisk[p]) {
                out.add(2 * p);
            }
            if (lockFile[p] != null) {
                out.add(2 * p + 1);
            }
        }
        return out;
    }

    boolean existsQuiet(int p) {
        return onDisk[p];
    }

    boolean lockQuiet(int p) {
        return lockFile[p] != null;
    }

    long freeQuiet() {
        return free;
    }

    public long free() {
        kernel.read(freeResource);
        return free;
    }

    void setFree(long bytes) {
        kernel.write(freeResource);
        free = bytes;
    }

    /** The name an entry has in the store, as traces and messages print it. */
    String entryPath(int entry) {
        String path = layout.full(entry >> 1);
        return (entry & 1) == 0 ? path : path + ".lock";
    }
}

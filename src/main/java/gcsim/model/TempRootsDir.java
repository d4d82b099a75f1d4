package gcsim.model;

import gcsim.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * The directory {@code <state>/temproots/}: names (pids) to inodes, listed in creation order. The
 * inode can outlive its name, as unlinked files do while open.
 */
final class TempRootsDir {
    private final Kernel kernel;
    private final int resource;
    private final List<TempRootsFile> linked = new ArrayList<>(8);

    TempRootsDir(Kernel kernel) {
        this.kernel = kernel;
        this.resource = kernel.newResource();
    }

    TempRootsFile lookup(int pid) {
        kernel.read(resource);
        for (int i = 0, n = linked.size(); i < n; i++) {
            TempRootsFile f = linked.get(i);
            if (f.pid == pid) {
                return f;
            }
        }
        return null;
    }

    /** open(O_CREAT): the inode named {@code pid}, created when absent. */
    TempRootsFile openOrCreate(int pid) {
        kernel.write(resource);
        TempRootsFile f = lookup(pid);
        if (f == null) {
            f = new TempRootsFile(kernel, pid);
            linked.add(f);
        }
        return f;
    }

    void unlink(TempRootsFile f) {
        kernel.write(resource);
        linked.remove(f);
    }

    /** readdir of the directory, a snapshot in creation order. */
    List<TempRootsFile> list() {
        kernel.read(resource);
        return new ArrayList<>(linked);
    }

    List<TempRootsFile> listQuiet() {
        return linked;
    }

    boolean isLinked(TempRootsFile f) {
        kernel.read(resource);
        return linked.contains(f);
    }
}

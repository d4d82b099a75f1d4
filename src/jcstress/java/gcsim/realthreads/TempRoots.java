package gcsim.realthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;

/**
 * {@code <state>/temproots/}: one append-only file per process, locked by its owner for as long as
 * the owner lives (§1 item 3). The lock is a semaphore and not a thread-owned lock because a
 * process, not a thread, holds a flock: the test's setup creates a worker's file and another
 * thread ends that worker.
 */
final class TempRoots {
    private final Map<Integer, File> files = new ConcurrentSkipListMap<>();

    /** One {@code temproots/<pid>} file. */
    static final class File {
        private final int pid;
        private final List<String> paths = new CopyOnWriteArrayList<>();
        private final Semaphore flock = new Semaphore(1);
        /** The "d" a collector writes into a stale file it removed (§2.7 G8.3). */
        private volatile boolean deletedByCollector;

        private File(int pid) {
            this.pid = pid;
        }

        /** §2.6 step 8: append {@code path\0}. */
        void append(String path) {
            paths.add(path);
        }
    }

    /** §2.6 step 1 createTempRootsFile: create, lock, and start again if a collector removed it meanwhile. */
    File create(int pid) {
        while (true) {
            File f = new File(pid);
            files.put(pid, f); // 1.2 open or create ⟂
            f.flock.acquireUninterruptibly(); // 1.2 exclusive flock ⟂
            if (!f.deletedByCollector) { // 1.3 fstat: size 0
                return f;
            }
            f.flock.release();
        }
    }

    /** ~LocalStore (§2.3 step 3): close the file, which releases the flock, then unlink it. */
    void close(File f) {
        f.flock.release(); // ⟂
        files.remove(f.pid, f);
    }

    /**
     * §2.7 G8: every live owner's paths. A file whose lock can be taken belongs to a dead process:
     * it is removed and marked, and nothing in it counts.
     */
    List<String> readLive() {
        List<String> out = new ArrayList<>();
        for (File f : files.values()) {
            if (f.flock.tryAcquire()) { // G8.2 ⟂
                files.remove(f.pid, f); // G8.3: removing stale temporary roots file
                f.deletedByCollector = true;
                f.flock.release();
                continue;
            }
            out.addAll(f.paths); // G8.4 ⟂
        }
        return out;
    }
}

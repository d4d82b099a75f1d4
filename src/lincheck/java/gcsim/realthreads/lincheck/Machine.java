package gcsim.realthreads.lincheck;

/**
 * The machine of the real-thread implementation ({@code gcsim.realthreads.Store}) transcribed for
 * Lincheck's model checker: the database, the store directory, the permanent roots, {@code gc.lock},
 * {@code temproots/} and the GC socket, with the same steps and the same atomicity, but built only
 * from monitors ({@code synchronized}, {@code wait}, {@code notifyAll}) and arrays indexed by path.
 *
 * <p>Why a transcription and not the implementation itself: Lincheck 3.7 instruments each class the
 * first time a checked run touches it, inside that run and under its fixed 30-second limit per run.
 * The implementation uses some twenty {@code java.util.concurrent} and collection classes (skip
 * lists, copy-on-write lists, a semaphore, a {@code StampedLock}, futures and a thread pool); the
 * first run spent longer than 30 s instrumenting them, still in the test's setup (X's first write
 * and its auto-GC, before any actor had started), and Lincheck reported "Concurrent test has hung".
 * Nothing was blocked. Here every class the run touches is one of these few.
 *
 * <p>What differs from the implementation, without changing an order the race depends on: the GC
 * socket's thread T runs on the client that waits for it ({@link GcSocket}); a collector lists
 * {@code temproots/} once before reading the files, where the implementation's concurrent map may
 * also show a file created during the listing; and only early-return's switches are transcribed.
 */
final class Machine {
    static final int NIXPKGS = 0;
    static final int OLD_GARBAGE = 1;
    static final int HOSTS = 2;
    static final int DEPENDENT = 3;
    static final String[] NAMES = {"nixpkgs", "old-garbage", "hosts.drv", "dependent.drv"};
    static final int PATHS = NAMES.length;

    final Database db = new Database();
    /** The store directory's entries; a collector lists them in path order (§2.7 G10's readdir). */
    final boolean[] onDisk = new boolean[PATHS];
    /** {@code gcroots/}: written before the actors start, only read after. */
    final boolean[] permanentRoot = new boolean[PATHS];
    final GcLock gcLock = new GcLock();
    final TempRootsDir tempRoots = new TempRootsDir();
    final GcSocket socket = new GcSocket();
    /** §2.4 step 5 PathLocks: the {@code .lock} file of each path. */
    final Object[] pathLocks = {new Object(), new Object(), new Object(), new Object()};
    /** Free space is below min-free: each worker's first add runs auto-GC (§2.9). */
    final boolean belowMinFree = true;
    private int pids = 100;

    synchronized int newPid() {
        return ++pids;
    }

    synchronized boolean onDisk(int p) {
        return onDisk[p];
    }

    synchronized void setOnDisk(int p, boolean present) {
        onDisk[p] = present;
    }

    /** A path that was in the store before the test, made by a process long gone. */
    void seed(int p, int... references) {
        setOnDisk(p, true);
        if (!db.register(p, references)) {
            throw new IllegalArgumentException("seed " + NAMES[p] + " before its references");
        }
    }

    /** The SQLite database: each method is one transaction (§2.5, §2.7 B9.3). */
    static final class Database {
        private final boolean[] valid = new boolean[PATHS];
        private final int[][] refs = new int[PATHS][];

        synchronized boolean isValid(int p) {
            return valid[p];
        }

        /** §2.5 steps 2–5: false (rolled back) when a reference has no row. */
        synchronized boolean register(int p, int[] references) {
            for (int r : references) {
                if (r != p && !valid[r]) {
                    return false;
                }
            }
            valid[p] = true;
            refs[p] = references.clone();
            return true;
        }

        /** §2.7 B9.3 invalidatePathChecked: refuses while another valid path refers to it. */
        synchronized boolean invalidateChecked(int p) {
            for (int q = 0; q < PATHS; q++) {
                if (q != p && valid[q] && contains(refs[q], p)) {
                    return false;
                }
            }
            valid[p] = false;
            return true;
        }

        /** The valid paths that refer to {@code p}, itself excluded, in path order. */
        synchronized boolean[] referrers(int p) {
            boolean[] out = new boolean[PATHS];
            for (int q = 0; q < PATHS; q++) {
                out[q] = q != p && valid[q] && contains(refs[q], p);
            }
            return out;
        }

        /** markAlive's closure over references. */
        synchronized void closure(int p, boolean[] into) {
            if (!valid[p] || into[p]) {
                return;
            }
            into[p] = true;
            for (int r : refs[p]) {
                closure(r, into);
            }
        }

        /** B9's topoSortPaths over the first {@code n} of {@code paths}: referrers before their references. */
        synchronized int[] topoSort(int[] paths, int n) {
            boolean[] within = new boolean[PATHS];
            for (int i = 0; i < n; i++) {
                within[paths[i]] = true;
            }
            int[] order = new int[n];
            int[] filled = {0};
            boolean[] done = new boolean[PATHS];
            for (int i = 0; i < n; i++) {
                visit(paths[i], within, done, order, filled);
            }
            int[] reversed = new int[n];
            for (int i = 0; i < n; i++) {
                reversed[i] = order[n - 1 - i];
            }
            return reversed;
        }

        private void visit(int p, boolean[] within, boolean[] done, int[] order, int[] filled) {
            if (done[p]) {
                return;
            }
            done[p] = true;
            for (int r : valid[p] ? refs[p] : new int[0]) {
                if (within[r]) {
                    visit(r, within, done, order, filled);
                }
            }
            order[filled[0]++] = p;
        }

        private static boolean contains(int[] a, int x) {
            for (int v : a) {
                if (v == x) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code gc.lock} (§1 item 4): a flock, owned by no thread and not reentrant. */
    static final class GcLock {
        private int shared;
        private boolean exclusive;

        /** §2.6 step 3: a shared lock without blocking; false while a collector holds it. */
        synchronized boolean tryShared() {
            if (exclusive) {
                return false;
            }
            shared++;
            return true;
        }

        synchronized void releaseShared() {
            shared--;
            notifyAll();
        }

        /** §2.7 G3: exclusive, blocking until every shared holder has appended its root. */
        synchronized void exclusive() throws InterruptedException {
            while (exclusive || shared > 0) {
                wait();
            }
            exclusive = true;
        }

        synchronized void releaseExclusive() {
            exclusive = false;
            notifyAll();
        }
    }

    /** One {@code temproots/<pid>} file with its owner's flock (§1 item 3). */
    static final class TempRootsFile {
        final int pid;
        final boolean[] paths = new boolean[PATHS];
        boolean locked;
        /** The "d" a collector writes into a stale file it removed (§2.7 G8.3). */
        boolean deletedByCollector;

        TempRootsFile(int pid) {
            this.pid = pid;
        }
    }

    /** {@code temproots/}; its monitor guards the directory and every file in it. */
    static final class TempRootsDir {
        private final TempRootsFile[] files = new TempRootsFile[4];

        /** §2.6 step 1 createTempRootsFile: create, lock, and start again if a collector removed it meanwhile. */
        TempRootsFile create(int pid) throws InterruptedException {
            while (true) {
                TempRootsFile f = new TempRootsFile(pid);
                synchronized (this) {
                    put(f); // 1.2 open or create ⟂
                }
                synchronized (this) {
                    while (f.locked) { // 1.2 exclusive flock ⟂
                        wait();
                    }
                    f.locked = true;
                    if (!f.deletedByCollector) { // 1.3 fstat: size 0
                        return f;
                    }
                    f.locked = false;
                    notifyAll();
                }
            }
        }

        /** §2.6 step 8: append {@code path\0}. */
        synchronized void append(TempRootsFile f, int p) {
            f.paths[p] = true;
        }

        /** ~LocalStore (§2.3 step 3): close the file, which releases the flock, then unlink it. */
        void close(TempRootsFile f) {
            synchronized (this) {
                f.locked = false; // ⟂
                notifyAll();
            }
            synchronized (this) {
                remove(f);
            }
        }

        /** §2.7 G8: every live owner's paths; a file whose lock can be taken is stale, removed and marked. */
        boolean[] readLive() {
            boolean[] out = new boolean[PATHS];
            TempRootsFile[] listed;
            synchronized (this) {
                listed = files.clone();
            }
            for (TempRootsFile f : listed) {
                if (f == null) {
                    continue;
                }
                synchronized (this) {
                    if (!f.locked) { // G8.2 ⟂
                        remove(f); // G8.3: removing stale temporary roots file
                        f.deletedByCollector = true;
                        continue;
                    }
                }
                synchronized (this) {
                    for (int p = 0; p < PATHS; p++) { // G8.4 ⟂
                        out[p] |= f.paths[p];
                    }
                }
            }
            return out;
        }

        private void put(TempRootsFile f) {
            for (int i = 0; i < files.length; i++) {
                if (files[i] != null && files[i].pid == f.pid) {
                    files[i] = f;
                    return;
                }
            }
            for (int i = 0; i < files.length; i++) {
                if (files[i] == null) {
                    files[i] = f;
                    return;
                }
            }
            throw new IllegalStateException("more temp-roots files than this transcription holds");
        }

        private void remove(TempRootsFile f) {
            for (int i = 0; i < files.length; i++) {
                if (files[i] == f) {
                    files[i] = null;
                }
            }
        }
    }
}

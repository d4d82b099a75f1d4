package gcsim.realthreads;

import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A daemon worker: the process the daemon forks for one client connection, with its own
 * {@code LocalStore} and its own temp-roots file (§2.3). The client's round trips run on the
 * client's thread, as a synchronous call: the worker handles a connection's operations one after
 * another anyway. Only its exit can happen on another thread, after the client has gone.
 */
public final class Worker {
    private final Store store;
    private final Variant variant;
    private final int pid;
    private TempRoots.File tempRootsFile;
    private boolean autoGcChecked;

    Worker(Store store, Variant variant) {
        this.store = store;
        this.variant = variant;
        this.pid = store.newPid();
    }

    boolean isValidPath(String path) {
        return store.db.isValid(path);
    }

    /** §2.6 addTempRoot. */
    void addTempRoot(String path) {
        if (tempRootsFile == null) {
            tempRootsFile = store.tempRoots.create(pid); // 1 createTempRootsFile ⟂
        }
        while (true) {
            long shared = store.gcLock.tryShared(); // 3 ⟂
            if (shared != 0) {
                try {
                    tempRootsFile.append(path); // 4, 8: append under the shared lock ⟂
                } finally {
                    store.gcLock.releaseShared(shared); // 9 ⟂
                }
                return;
            }
            if (store.socket.sendRoot(path)) { // 5–7 ⟂
                tempRootsFile.append(path); // 8 ⟂
                return;
            }
            // 5: ECONNREFUSED or ENOENT; Nix sleeps 100 ms here, a yield keeps trials short
            Thread.yield();
        }
    }

    /** §2.4 addToStoreFromDump for content whose path is {@code path}. */
    void addToStoreFromDump(String path, List<String> references) throws InvalidPath {
        addTempRoot(path); // 3 ⟂
        if (store.db.isValid(path)) { // 4 ⟂
            return;
        }
        ReentrantLock lock = store.pathLock(path);
        lock.lock(); // 5 PathLocks ⟂
        try {
            if (store.db.isValid(path)) { // 6 ⟂
                return;
            }
            store.files.remove(path); // 7 deletePath ⟂
            autoGc(); // 8 ⟂
            store.files.add(path); // 9–11 write, hash, optimise ⟂
            store.db.register(path, references); // 12 registerValidPath ⟂
        } finally {
            lock.unlock(); // 13 ⟂
        }
    }

    /**
     * §2.9 autoGC(sync = true). The first call in a process always checks the free space (step 3);
     * later calls fall within {@code min-free-check-interval} in these short tests.
     */
    private void autoGc() {
        if (autoGcChecked) {
            return;
        }
        autoGcChecked = true;
        if (store.belowMinFree) { // 4–7
            new Collector(store, variant).collect(); // 10–11: start the GC and wait for it ⟂
        }
    }

    /** ~LocalStore after EOF (§2.3 step 3): its temp roots stop protecting anything. */
    public void exit() {
        if (tempRootsFile != null) {
            store.tempRoots.close(tempRootsFile); // ⟂
            tempRootsFile = null;
        }
    }
}

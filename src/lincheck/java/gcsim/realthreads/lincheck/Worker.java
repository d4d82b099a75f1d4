package gcsim.realthreads.lincheck;

/**
 * {@code gcsim.realthreads.Worker} transcribed, with the one client operation the seed race needs:
 * a daemon worker for one client connection, its own temp-roots file, and the client's round trips
 * run on the client's thread. Only its exit runs on another thread, after the client has gone.
 */
final class Worker {
    private final Machine m;
    private final int pid;
    private Machine.TempRootsFile tempRootsFile;
    private boolean autoGcChecked;

    Worker(Machine m) {
        this.m = m;
        this.pid = m.newPid();
    }

    /**
     * §2.1 Store::writeDerivation under early-return (the baseline): a valid drv returns early with no
     * temp root; otherwise AddToStore.
     *
     * @return false when registering it failed with "path '…' is not valid"
     */
    boolean writeDerivation(int drv, int... references) throws InterruptedException {
        if (m.db.isValid(drv)) { // 2: IsValidPath ⟂
            return true; // 3: valid, return early
        }
        return addToStoreFromDump(drv, references); // 4: AddToStore ⟂
    }

    /** §2.6 addTempRoot. */
    void addTempRoot(int p) throws InterruptedException {
        if (tempRootsFile == null) {
            tempRootsFile = m.tempRoots.create(pid); // 1 createTempRootsFile ⟂
        }
        while (true) {
            if (m.gcLock.tryShared()) { // 3 ⟂
                try {
                    m.tempRoots.append(tempRootsFile, p); // 4, 8: append under the shared lock ⟂
                } finally {
                    m.gcLock.releaseShared(); // 9 ⟂
                }
                return;
            }
            if (m.socket.sendRoot(p)) { // 5–7 ⟂
                m.tempRoots.append(tempRootsFile, p); // 8 ⟂
                return;
            }
            Thread.yield(); // 5: ECONNREFUSED; Nix sleeps 100 ms here
        }
    }

    /** §2.4 addToStoreFromDump; false when registering failed with "path '…' is not valid". */
    boolean addToStoreFromDump(int p, int[] references) throws InterruptedException {
        addTempRoot(p); // 3 ⟂
        if (m.db.isValid(p)) { // 4 ⟂
            return true;
        }
        synchronized (m.pathLocks[p]) { // 5 PathLocks ⟂
            if (m.db.isValid(p)) { // 6 ⟂
                return true;
            }
            m.setOnDisk(p, false); // 7 deletePath ⟂
            autoGc(); // 8 ⟂
            m.setOnDisk(p, true); // 9–11 write, hash, optimise ⟂
            return m.db.register(p, references); // 12 registerValidPath ⟂
        } // 13 ⟂
    }

    /** §2.9 autoGC(sync = true): the first call in a process checks the free space. */
    private void autoGc() throws InterruptedException {
        if (autoGcChecked) {
            return;
        }
        autoGcChecked = true;
        if (m.belowMinFree) { // 4–7
            new Collector(m).collect(); // 10–11: start the GC and wait for it ⟂
        }
    }

    /** ~LocalStore after EOF (§2.3 step 3): its temp roots stop protecting anything. */
    void exit() {
        if (tempRootsFile != null) {
            m.tempRoots.close(tempRootsFile); // ⟂
            tempRootsFile = null;
        }
    }
}

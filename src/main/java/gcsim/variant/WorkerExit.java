package gcsim.variant;

/**
 * How a daemon worker ends at the end of its connection (§2.3 "Worker lifecycle"). A switch because
 * one range of releases changed it and a later one changed it back: the variants of those releases
 * must say which they model, and every other variant keeps the destructor.
 */
public enum WorkerExit {
    /**
     * Baseline, master and 2.35.2: the worker's store is destroyed before the process exits, so
     * {@code ~LocalStore} waits for the worker's own auto-GC, then closes and unlinks its temproots
     * file.
     */
    DESTRUCTOR("destructor"),
    /**
     * 2.34.0 to 2.35.1: the worker calls {@code exit(0)} with its store still alive, so no destructor
     * runs. The kernel releases the flock when the process ends, whatever its auto-GC is doing (that
     * thread dies with the process), and the temproots file stays behind until a collector removes
     * it as stale.
     */
    NO_DESTRUCTOR("no-destructor");

    private final String key;

    WorkerExit(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}

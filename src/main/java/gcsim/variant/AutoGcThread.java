package gcsim.variant;

/** How autoGC runs its collection thread (§2.9, S10). */
public enum AutoGcThread {
    /** Baseline: a detached thread; nobody waits for it but callers that share its future. */
    DETACHED("detached"),
    /**
     * Master (#15614): a joinable thread, joined by the next autoGC call and by ~LocalStore, so it
     * has ended, not only fulfilled its future, before the store it runs in is destroyed (a worker's
     * temp roots outlive its own auto-GC in both: ~LocalStore waits on the future first).
     */
    JOINED("joined");

    private final String key;

    AutoGcThread(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}

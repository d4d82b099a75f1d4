package gcsim.realthreads;

import java.util.List;

/**
 * The fetcher-cache report in the thread of PR #15158 (the simulator's {@code fetch-cache-hit}).
 * Before the actors start, X has copied make-symlinks-relative.sh to the store through its worker
 * and exited; the user's fetcher cache knows the script. Then, concurrently, X's worker finishes
 * exiting, and Y's fetchToStore2 hits the cache, finds the script valid (before #15237 without a
 * temp root) and writes fixup.drv, which references it, while Y's worker's auto-GC runs.
 */
public final class FetchCacheHit {
    static final String SCRIPT = "make-symlinks-relative.sh";
    static final String FIXUP = "fixup.drv";

    private final Store store = new Store(true);
    private final Worker xWorker;
    private final Client y;
    private boolean notValid;

    public FetchCacheHit(Variant variant) {
        Client x = new Client(store, variant);
        try {
            x.fetchToStore(SCRIPT);
        } catch (InvalidPath e) {
            throw new IllegalStateException("X's setup failed: " + e.getMessage(), e);
        }
        x.finish();
        xWorker = x.worker();
        y = new Client(store, variant);
    }

    /** Actor: X's worker sees EOF and exits; its temp roots go with it. */
    public void xWorkerExits() {
        xWorker.exit();
    }

    /** Actor: Y fetches the script (a cache hit) and writes fixup.drv, which references it. */
    public void yEvaluates() {
        try {
            String script = y.fetchToStore(SCRIPT);
            y.writeDerivation(FIXUP, List.of(script));
        } catch (InvalidPath e) {
            notValid = true;
        }
    }

    /** Arbiter: did a registration fail with "path '…' is not valid"? */
    public boolean registrationFailed() {
        return notValid;
    }

    /** Arbiter: does every valid path's reference exist at the end (the store invariant)? */
    public boolean referencesValid() {
        return store.referencesValid();
    }

    /** Arbiter: is every valid path on disk at the end? */
    public boolean validPathsOnDisk() {
        return store.validPathsOnDisk();
    }
}

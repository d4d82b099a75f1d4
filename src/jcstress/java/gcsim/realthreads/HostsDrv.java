package gcsim.realthreads;

import java.util.List;

/**
 * The seed race of PR #15158 (the simulator's {@code hosts-drv}). Before the actors start, X has
 * written hosts.drv through its worker and exited; the worker still holds the only temp root.
 * Then, concurrently, X's worker finishes exiting, and Y writes hosts.drv (valid: under the
 * baseline it returns early, unrooted) and dependent.drv, whose add runs Y's worker's auto-GC. The
 * auto-GC deletes hosts.drv when it reads the temp roots after X's worker has gone, and registering
 * dependent.drv then fails with "path '…-hosts.drv' is not valid".
 */
public final class HostsDrv {
    static final String NIXPKGS = "nixpkgs";
    static final String HOSTS = "hosts.drv";
    static final String DEPENDENT = "dependent.drv";

    private final Store store = new Store(true);
    private final Worker xWorker;
    private final Client y;
    private boolean notValid;

    public HostsDrv(Variant variant) {
        store.seed(NIXPKGS, List.of());
        store.addPermanentRoot(NIXPKGS);
        store.seed("old-garbage", List.of());
        Client x = new Client(store, variant);
        try {
            x.writeDerivation(HOSTS, List.of(NIXPKGS));
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

    /** Actor: Y's evaluation writes hosts.drv, then dependent.drv, which references it. */
    public void yEvaluates() {
        try {
            y.writeDerivation(HOSTS, List.of(NIXPKGS));
            y.writeDerivation(DEPENDENT, List.of(HOSTS, NIXPKGS));
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

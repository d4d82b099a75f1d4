package gcsim.realthreads;

import java.util.List;

/**
 * The collector-side window that #15992 closed (the simulator's {@code collector-visited-referrer}).
 * lib.drv and user.drv, which references it, are garbage left by a session whose roots are gone;
 * the store lists lib.drv first. A {@code nix-store --gc} collector visits lib.drv, moves on to its
 * referrer user.drv, and deletes both. Concurrently, Y writes lib.drv and then app.drv, which
 * references it. Y's temp root on lib.drv reaches the collector through the socket; when it arrives
 * while {@code pending} is user.drv, it is acknowledged at once, and without the re-check of B9.2a
 * the collector deletes lib.drv anyway, so registering app.drv fails with "not valid". The same
 * window has a second outcome: when the root arrives between lib.drv's invalidation and its deletion,
 * Y sees lib.drv invalid and adds it again, and the collector then deletes the new file of a valid
 * path. Under #15992, {@code pending} is lib.drv during both steps, which closes both.
 */
public final class CollectorVisitedReferrer {
    static final String LIB = "lib.drv";
    static final String USER = "user.drv";
    static final String APP = "app.drv";

    private final Store store = new Store(false);
    private final Collector collector;
    private final Client y;
    private boolean notValid;

    public CollectorVisitedReferrer(Variant variant) {
        store.seed(LIB, List.of());
        store.seed(USER, List.of(LIB));
        collector = new Collector(store, variant);
        y = new Client(store, variant);
    }

    /** Actor: the collector process runs one whole-store collection. */
    public void collects() {
        collector.collect();
    }

    /** Actor: Y writes lib.drv, then app.drv, which references it. */
    public void yEvaluates() {
        try {
            y.writeDerivation(LIB, List.of());
            y.writeDerivation(APP, List.of(LIB));
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

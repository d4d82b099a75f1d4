package gcsim.realthreads.lincheck;

/**
 * {@code gcsim.realthreads.HostsDrv} under early-return, transcribed (see {@link Machine} for why):
 * before the actors start, X has written hosts.drv through its worker and exited, and the worker
 * still holds the only temp root; then X's worker finishes exiting while Y writes hosts.drv (valid,
 * so it returns early, unrooted) and dependent.drv, whose add runs Y's worker's auto-GC. When the
 * auto-GC reads the temp roots after X's worker has gone, it deletes hosts.drv, and registering
 * dependent.drv fails with "path '…-hosts.drv' is not valid".
 */
final class SeedRace {
    private final Machine m = new Machine();
    private final Worker xWorker;
    private final Worker yWorker;
    private volatile boolean notValid;

    SeedRace() throws InterruptedException {
        m.seed(Machine.NIXPKGS);
        m.permanentRoot[Machine.NIXPKGS] = true;
        m.seed(Machine.OLD_GARBAGE);
        xWorker = new Worker(m);
        if (!xWorker.writeDerivation(Machine.HOSTS, Machine.NIXPKGS)) {
            throw new IllegalStateException("X's setup failed: hosts.drv was not registered");
        }
        yWorker = new Worker(m);
    }

    /** Actor: X's worker sees EOF and exits; its temp roots go with it. */
    void xWorkerExits() {
        xWorker.exit();
    }

    /** Actor: Y's evaluation writes hosts.drv, then dependent.drv, which references it. */
    void yEvaluates() throws InterruptedException {
        if (yWorker.writeDerivation(Machine.HOSTS, Machine.NIXPKGS)) {
            notValid = !yWorker.writeDerivation(Machine.DEPENDENT, Machine.HOSTS, Machine.NIXPKGS);
        } else {
            notValid = true;
        }
    }

    /** Did a registration fail with "path '…' is not valid"? */
    boolean registrationFailed() {
        return notValid;
    }
}

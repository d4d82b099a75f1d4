package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Connection;
import gcsim.kernel.Control;
import gcsim.kernel.Listener;
import gcsim.kernel.SimProcess;

/** The daemon parent's accept loop: one forked worker per connection (§2.3 "Worker lifecycle" step 1). */
final class Daemon extends ModelFrame {
    private final Listener listener;
    private int workers;

    Daemon(World w, Listener listener) {
        super(w);
        this.listener = listener;
    }

    /** Starts the daemon's thread in {@code proc}, already waiting for its first connection: the accept is its first scheduling point. */
    static void spawn(World w, SimProcess proc, Listener listener) {
        Daemon body = new Daemon(w, listener);
        body.pc = 1;
        proc.spawn("nix-daemon", body).startsAwaitingWork(listener.pending());
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0:
                pc = 1;
                return self.awaitWork(listener.pending());
            case 1: { // accept, authenticate, fork W ⟂
                SimProcess worker = k.newProcess("worker-", ++workers); // named when printed
                Connection.End end = listener.accept(worker);
                LocalStore store = new LocalStore(w, worker, true);
                if (w.monitorsHangup(end.peerProcess())) { // processConnection's MonitorFdHup watches this client
                    store.interrupt = new InterruptFlag(k);
                }
                Worker.spawn(w, worker, store, end);
                if (k.tracing()) {
                    note("daemon §2.3", "accepts a connection and forks " + worker.name() + " (pid " + worker.pid() + ")");
                }
                return goTo(0); // the next scheduling point is the wait for the next connection
            }
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}

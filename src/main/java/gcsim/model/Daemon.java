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
                worker.spawnNamed("", -1, new Worker(w, store, end)); // its thread bears its name
                if (k.tracing()) {
                    note("daemon §2.3", "accepts a connection and forks " + worker.name() + " (pid " + worker.pid() + ")");
                }
                return yieldTo(0);
            }
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }
}

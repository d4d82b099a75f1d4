package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Connection;
import gcsim.kernel.Control;
import gcsim.kernel.Fault;
import gcsim.kernel.Guard;
import gcsim.kernel.SimProcess;

/**
 * A daemon worker: reads one op at a time from its connection, runs it on its own {@link
 * LocalStore}, replies (§2.3). At end-of-file it destroys the store — waits for its auto-GC, closes
 * and unlinks its temproots file — and exits; from the moment the flock goes, its temp roots
 * protect nothing. Under {@code worker-exit: no-destructor} (2.34.0–2.35.1) it exits at once.
 */
final class Worker extends ModelFrame {
    private final LocalStore store;
    private final Connection.End conn;
    private WorkerOp.Reply reply;
    /** The MonitorFdHup thread, in a worker whose client an interrupt names; else null. */
    private Actor monitor;

    Worker(World w, LocalStore store, Connection.End conn) {
        super(w);
        this.store = store;
        this.conn = conn;
    }

    /**
     * Forks the worker's thread in {@code proc}, already waiting for its first op: the read is its
     * first scheduling point (§2.3), with no step before it, as after every reply.
     */
    static void spawn(World w, SimProcess proc, LocalStore store, Connection.End conn) {
        Worker body = new Worker(w, store, conn);
        body.pc = 1;
        Actor main = proc.spawnNamed("", -1, body); // its thread bears its name
        main.startsAwaitingWork(conn.readable());
        if (store.interrupt != null) { // processConnection's MonitorFdHup and ReceiveInterrupts
            store.interrupt.mainThread = main;
            body.monitor = MonitorFdHup.spawn(w, proc, conn, store.interrupt);
        }
    }

    /** Before a read: the op it will read, or end-of-file ({@link WorkerOp#meaning}); else none. */
    @Override
    protected int subject() {
        if (pc != 1) {
            return -1;
        }
        Object m = conn.peekQuiet();
        return m instanceof WorkerOp op ? WorkerOp.meaning(op) : WorkerOp.END_OF_FILE;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // read an op ⟂[ipc]
                pc = 1;
                return self.awaitWork(conn.readable());
            case 1: {
                if (store.interrupt != null && store.interrupt.isSet(k)) { // readInt's checkInterrupt: Interrupted, break
                    return endConnection(self);
                }
                Object m = conn.receive();
                if (m == null) {
                    if (k.tracing()) {
                        note("daemon worker §2.3", "client closed the connection");
                    }
                    return endConnection(self);
                }
                pc = 2;
                return self.call(frameFor((WorkerOp) m));
            }
            case 4: // processConnection has returned (its Finally and ~MonitorFdHup): the worker ends
                if (w.switches.workerExit() == gcsim.variant.WorkerExit.NO_DESTRUCTOR) {
                    // 2.34.0–2.35.1: exit(0) with the store alive; the kernel drops the flock, the
                    // file stays behind, and a running auto-GC thread ends with the process
                    if (k.tracing()) {
                        story("daemon worker §2.3", self.process().name()
                                + " exits without ~LocalStore; its temp roots no longer protect anything");
                    }
                    self.process().exit();
                    return self.ret(null);
                }
                pc = 3;
                return self.call(new LocalStoreDestructor(w, store));
            case 2: // reply ⟂[ipc]
                if (reply == null) {
                    reply = new WorkerOp.Reply(self.result(), null);
                }
                try {
                    conn.send(reply);
                } catch (Fault f) {
                    // the client went away; the next read sees end-of-file
                }
                reply = null;
                return goTo(0); // the ⟂ after the reply is the wait for the next op
            case 5:
                return endConnection(self);
            case 6: // 2.8's ~MonitorFdHup: pthread_cancel and join the monitor ⟂[thr]
                if (store.interrupt.cancelMonitor(monitor, k) && k.tracing()) {
                    note("MonitorFdHup §2.3", "~MonitorFdHup cancels " + monitor.name() + " before it saw a hang-up");
                }
                return goTo(4);
            case 3:
                self.process().exit();
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /**
     * processConnection returns: at the end of the connection, or when an Interrupted escaped an op
     * (its {@code catch (std::exception &)}). Where a monitor runs, the Finally first clears the
     * interrupt flag and ~MonitorFdHup then joins the monitor thread, which may set it again; under
     * {@code monitor-stop: cancel} (2.8) it cancels the monitor first, which then sets it only if it
     * woke before the cancel.
     */
    private Control endConnection(Actor self) {
        if (monitor == null) {
            return goTo(4);
        }
        store.interrupt.reset(k);
        if (w.switches.monitorStop() == gcsim.variant.MonitorStop.CANCEL) {
            return yieldTo(6); // the monitor may still wake between the Finally and the cancel
        }
        pc = 4;
        Actor m = monitor;
        return self.await(Guard.watching(Guard.ENDINGS, m::done, () -> "the end of its thread " + m.name()));
    }

    @Override
    protected boolean handle(Actor self, Fault fault) {
        if (fault instanceof Interrupted) {
            if (k.tracing()) {
                story("daemon worker §2.3", self.process().name() + "'s operation is interrupted; its connection loop ends");
            }
            pc = 5;
            return true;
        }
        if (fault instanceof NixError e && NixError.ABORT.equals(e.kind())) {
            self.process().exit(); // abort(): no reply, no destructor; the client reads end-of-file
            return true; // handled: the exit has ended this actor

        }
        if (pc == 2 && fault instanceof NixError e) {
            reply = new WorkerOp.Reply(null, e); // the daemon sends the error to the client and goes on
            return true;
        }
        return false;
    }

    private gcsim.kernel.Frame frameFor(WorkerOp op) {
        if (op instanceof WorkerOp.IsValidPath o) {
            return store.isValidPath(o.path());
        } else if (op instanceof WorkerOp.AddToStore o) {
            return store.addToStore(o.path());
        } else if (op instanceof WorkerOp.AddTempRoot o) {
            return store.addTempRoot(o.path());
        } else if (op instanceof WorkerOp.AddIndirectRoot o) {
            return store.addIndirectRoot(o.link());
        } else if (op instanceof WorkerOp.QueryPathInfo o) {
            return store.queryPathInfo(o.path());
        } else if (op instanceof WorkerOp.QueryValidPaths o) {
            return store.queryValidPaths(o.paths());
        } else if (op instanceof WorkerOp.AddMultipleToStore o) {
            return store.addMultipleToStore(o.paths());
        } else if (op instanceof WorkerOp.BuildDerivation o) {
            return store.buildDerivation(o.drv(), o.builder());
        } else if (op instanceof WorkerOp.BuildPaths o) {
            return store.buildPaths(o.drv(), o.builder());
        } else if (op instanceof WorkerOp.CollectGarbage o) {
            return store.collectGarbage(o.maxFreed(), o.pauses());
        }
        throw new IllegalStateException("unknown op " + op);
    }
}

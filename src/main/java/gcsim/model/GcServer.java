package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Guard;
import gcsim.kernel.CondVar;
import gcsim.kernel.Connection;
import gcsim.kernel.Control;
import gcsim.kernel.Derived;
import gcsim.kernel.SimProcess;

/**
 * The collector's socket server thread S and its per-client threads T (§2.7). A client's path is
 * recorded in {@code tempRoots} before anything else, but the ack waits while that exact hash is
 * {@code pending} deletion, so a client never re-creates a path the collector is deleting.
 */
final class GcServer extends ModelFrame {
    private static final String FN = "collectGarbage server §2.7";
    private final GcRun run;
    /** S1's wait, made once per server rather than at each turn of its accept loop (the listener is bound before S starts). */
    @Derived("the guard object over the listener and the shutdown flag, made once")
    private final Guard acceptable;

    GcServer(World w, GcRun run) {
        super(w);
        this.run = run;
        this.acceptable = new Acceptable(run);
    }

    /** Ready when a connection waits to be accepted or the shutdown was asked for; watches the listener, which the shutdown wakes. */
    private static final class Acceptable extends Guard {
        private final GcRun run;

        Acceptable(GcRun run) {
            super(run.listener.pending().watches());
            this.run = run;
        }

        @Override
        public boolean ready() {
            return run.shutdownRequested() || run.listener.pending().ready();
        }
    }

    /**
     * Starts the server thread S in the collector's process, already in S1's poll: the poll is its
     * first scheduling point, with no step before it, as after every accept.
     */
    static Actor spawn(World w, GcRun run, SimProcess proc) {
        GcServer body = new GcServer(w, run);
        body.pc = 1;
        Actor s = proc.spawnNamed("/gc-server", -1, body);
        s.startsAwaitingWork(body.acceptable);
        return s;
    }

    @Override
    protected Control step(Actor self) {
        switch (pc) {
            case 0: // S1: poll the shutdown pipe and the listening socket ⟂
                pc = 1;
                // watches the listener: the shutdown wakes it too (GcRun.shutDown)
                return self.awaitWork(acceptable);
            case 1:
                // shut down every client connection, then join the client threads
                if (run.shuttingDown(run.listener.hasPending())) {
                    for (int i = 0, n = run.clientEnds.size(); i < n; i++) {
                        run.clientEnds.get(i).close();
                    }
                    pc = 2;
                    return self.await(run.clientThreadsEnded);
                }
                { // S2: accept and start a client thread ⟂[thr]
                    Connection.End end = run.listener.accept(self.process());
                    run.clientEnds.add(end);
                    Actor t = Client.spawn(w, run, end, self.process(), run.clientThreads.size() + 1);
                    run.clientThreads.add(t);
                    if (k.tracing()) {
                        if (run.store.interrupt != null) { // a crash story turns on which thread serves whom
                            story(FN + " S2", "accepts " + end.peerProcess().name() + "'s connection to the GC socket;"
                                    + " thread " + t.name() + " reads the paths it roots");
                        } else {
                            note(FN + " S2", "accepts a GC-socket client");
                        }
                    }
                    return goTo(0); // the ⟂ after the accept is S1's poll
                }
            case 2:
                return self.ret(null);
            default:
                throw new IllegalStateException("pc " + pc);
        }
    }

    /** Thread T: read a path, record its hash, wait while it is pending, ack. */
    static final class Client extends ModelFrame {
        private final GcRun run;
        private final Connection.End end;
        private int hash;
        private CondVar.Waiter waiter;

        Client(World w, GcRun run, Connection.End end) {
            super(w);
            this.run = run;
            this.end = end;
        }

        /**
         * Starts thread T number {@code number} for {@code end}. Where no interrupt can come it starts
         * already in T1's read, its first scheduling point, as after every ack; elsewhere its first
         * step is that read's checkInterrupt.
         */
        static Actor spawn(World w, GcRun run, Connection.End end, SimProcess proc, int number) {
            Client body = new Client(w, run, end);
            Actor t = proc.spawnNamed("/gc-client-", number, body);
            if (run.store.interrupt == null) { // no interrupt can come: T1's check finds nothing, and its read is its first step
                body.pc = 1;
                t.startsAwaitingWork(body.lineOrShutdown());
            }
            return t;
        }

        /** T1's wait: a line, the connection's close or the shutdown; watches the connection, whose close writes it and which the shutdown wakes (GcRun.shutDown). */
        Guard lineOrShutdown() {
            return Guard.watching(end.readable().watches(),
                    () -> run.shutdownRequested() || end.closed() || end.readable().ready());
        }

        @Override
        protected int subject() { // the path this activation is about, for transfers
            return hash;
        }

        @Override
        protected Control step(Actor self) {
            switch (pc) {
                case 0: // T1: read one line ⟂[sock]; read() calls checkInterrupt before it blocks
                    if (run.store.interrupt != null && run.store.interrupt.isSet(k)) {
                        return interrupted(self);
                    }
                    pc = 1;
                    return self.awaitWork(lineOrShutdown());
                case 1: {
                    if (run.shuttingDown(true) || end.closed()) { // a line may wait: always a read
                        return self.ret(null);
                    }
                    Object line = end.receive();
                    if (line == null) {
                        return self.ret(null);
                    }
                    hash = (Integer) line;
                    pc = 2;
                    return self.await(run.mutex.free());
                }
                case 2: // T2–T3: lock Shared, insert the hash, wait while it is pending
                    run.mutex.lock(self);
                    run.tempRoots.set(hash);
                    if (k.tracing()) {
                        story(FN + " T2", CollectorWords.received(w, run, hash));
                    }
                    return checkPending(self);
                case 3: // woken: retake the mutex
                    pc = 4;
                    return self.await(run.mutex.free());
                case 4:
                    run.mutex.lock(self);
                    if (k.tracing() && run.pending != hash) {
                        story(FN + " T3", CollectorWords.released(w, run, hash));
                    }
                    return checkPending(self);
                case 5: // T4: write the ack ⟂[sock]
                    try {
                        end.send(Boolean.TRUE);
                    } catch (gcsim.kernel.Fault f) {
                        return self.ret(null);
                    }
                    if (k.tracing()) {
                        if (run.store.interrupt != null) { // the read after this ack is where an interrupt strikes
                            story(FN + " T4", "acknowledges " + name(hash) + "; its next read checks for an interrupt");
                        } else {
                            note(FN + " T4", "acknowledges " + name(hash));
                        }
                    }
                    // the ⟂ after the ack is T1's read, or its checkInterrupt where an interrupt can come
                    return run.store.interrupt == null ? goTo(0) : yieldTo(0);
                default:
                    throw new IllegalStateException("pc " + pc);
            }
        }

        /**
         * T1's read met {@code nix::Interrupted}. T catches only {@code Error} in every modelled
         * release, so the exception leaves the thread and {@code std::terminate} aborts the process
         * (#15962); with {@code gc-client-catch: base-error} (#16444) T leaves its loop.
         */
        private Control interrupted(Actor self) {
            if (w.switches.gcClientCatch() == gcsim.variant.GcClientCatch.BASE_ERROR) {
                if (k.tracing()) {
                    note(FN + " T1", "the read is interrupted; the client thread ends and closes its connection");
                }
                end.close(); // the thread's lambda owned the descriptor: the client's next root restarts
                return self.ret(null);
            }
            throw new NixError(NixError.TERMINATE, FN + " T1", null, "Nix crashed (std::terminate): nix::Interrupted"
                    + " from its read of the GC socket escaped " + self.name() + ", whose loop catches only Error;"
                    + " the process aborts");
        }

        private Control checkPending(Actor self) {
            if (run.pending == hash) {
                if (k.tracing()) {
                    note(FN + " T3", name(hash) + " is being deleted; the ack waits");
                }
                waiter = run.wakeup.release(run.mutex, self);
                pc = 3;
                return self.await(waiter);
            }
            run.mutex.unlock(self);
            return yieldTo(5);
        }
    }
}

package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Connection;
import gcsim.kernel.Control;
import gcsim.kernel.SimProcess;

/**
 * {@code MonitorFdHup}'s thread in a daemon worker (monitor-fd.hh; started by
 * {@code processConnection}): it polls the client's socket, and when the client hangs up it calls
 * {@code triggerInterrupt()}, which sets the process's interrupt flag and signals the main thread.
 * The wake-up is a scheduling point of its own: the worker's threads may run on for a while before
 * the flag is set, and processConnection's Finally may clear the flag before this thread sets it.
 */
final class MonitorFdHup extends ModelFrame {
    private static final String FN = "MonitorFdHup §2.3";
    private final Connection.End conn;
    private final InterruptFlag flag;

    private MonitorFdHup(World w, Connection.End conn, InterruptFlag flag) {
        super(w);
        this.conn = conn;
        this.flag = flag;
    }

    /** Starts the monitor thread in the worker {@code proc}, already in its poll: nothing runs before the hang-up. */
    static Actor spawn(World w, SimProcess proc, Connection.End conn, InterruptFlag flag) {
        MonitorFdHup body = new MonitorFdHup(w, conn, flag);
        Actor a = proc.spawnNamed("/monitor-fd-hup", -1, body);
        a.startsAwaitingWork(conn.hungUp());
        return a;
    }

    @Override
    protected Control step(Actor self) {
        conn.peerClosed(); // POLLHUP on the client's socket ⟂[sock]
        flag.trigger(k);
        if (k.tracing()) {
            story(FN, self.process().name() + "'s client has hung up: triggerInterrupt sets its interrupt flag");
        }
        return self.ret(null);
    }
}

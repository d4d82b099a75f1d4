package gcsim.model;

import gcsim.kernel.Control;
import gcsim.scenario.Op;

/**
 * The scenario's {@code interrupt: P}: Ctrl-C of the daemon client P, as a user or a CI job's
 * cancellation sends it. P's own threads take the signal and end it at once, wherever its operation
 * is, and its connections close; its worker learns of it only through the hang-up
 * ({@link MonitorFdHup}). A process that has not started or has already exited is not there to be
 * interrupted, and nothing happens.
 */
final class InterruptOp {
    private InterruptOp() {}

    /** One step: the whole signal, as seen from outside P. */
    static Control run(World w, Op.Interrupt o) {
        Client target = w.client(o.process());
        w.kernel.write(target.lifeResource); // reads whether it runs, and ends it when it does
        if (!target.started || target.process.exited()) {
            if (w.kernel.tracing()) {
                w.kernel.note("interrupts " + o.process() + ", which " + (target.started ? "has already exited" : "has not started")
                        + ": nothing happens");
            }
            return Control.YIELD;
        }
        if (target.inOp) {
            w.clientOpFinished();
            target.inOp = false;
        }
        if (w.kernel.tracing()) {
            w.kernel.story(o.process() + " is interrupted (Ctrl-C) and exits; its daemon connection closes  [interrupt §2.3]");
        }
        target.process.exit();
        return Control.YIELD;
    }
}

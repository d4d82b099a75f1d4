package gcsim.model;

import gcsim.kernel.Actor;
import gcsim.kernel.Control;
import gcsim.kernel.Guard;
import gcsim.kernel.VirtualTime;
import gcsim.scenario.Op;
import gcsim.scenario.ScenarioRunError;

/**
 * Operations that are the same wherever they run — in a client's main thread or inside a builder
 * while its build holds its roots: sleep, signal, wait, set-free-space, use.
 */
final class SimpleOps {
    private SimpleOps() {}

    /** True when {@link #run} handles this op. */
    static boolean handles(Op op) {
        return op instanceof Op.Sleep || op instanceof Op.Signal || op instanceof Op.Wait
                || op instanceof Op.SetFreeSpace || op instanceof Op.Use;
    }

    /** Runs the op from the caller's frame; the caller resumes at its current pc afterwards. */
    static Control run(World w, Actor self, Op op) {
        if (op instanceof Op.Sleep o) {
            long now = w.kernel.now();
            if (o.nanos() >= Guard.NEVER - now) { // the kernel would saturate: a sleep that never ends, not a deadlock
                throw new ScenarioRunError(o.pos(), "sleep " + VirtualTime.format(o.nanos()) + " at virtual time "
                        + VirtualTime.format(now) + " overflows virtual time (it ends at 2^63 ns, about 292 years;"
                        + " use shorter starts and sleeps)");
            }
            return self.sleep(o.nanos());
        } else if (op instanceof Op.Signal o) {
            w.signal(o.event());
            if (w.kernel.tracing()) {
                w.kernel.note("signals " + o.event());
            }
            return Control.YIELD;
        } else if (op instanceof Op.Wait o) {
            if (w.kernel.tracing()) {
                w.kernel.note("waits for " + o.event());
            }
            return self.await(w.signalled(o.event()));
        } else if (op instanceof Op.SetFreeSpace o) {
            w.store.setFree(o.bytes());
            if (w.kernel.tracing()) {
                w.kernel.note("free space is now " + Bytes.format(o.bytes()));
            }
            return Control.YIELD;
        } else if (op instanceof Op.Use o) {
            return self.call(new ClientMain.Use(w, w.layout.id(o.path())));
        }
        throw new IllegalArgumentException("not a simple op: " + op);
    }
}

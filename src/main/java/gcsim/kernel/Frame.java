package gcsim.kernel;

/**
 * One activation of a modelled function, written as a resumable step machine.
 *
 * <p>A frame keeps its program counter and locals in fields; {@link #step} performs the work up to
 * the next point where another actor may interleave and reports what follows through {@link
 * Control}. Nothing between two scheduling points may be observed by anyone else, so each call to
 * {@code step} that ends with {@code YIELD} or {@code WAIT} is one atomic step of the simulation.
 */
public abstract class Frame {
    /** Program counter; subclasses switch on it. */
    protected int pc;

    Frame caller;

    protected abstract Control step(Actor self);

    /**
     * Offered a fault thrown by this frame or by a frame it called. Return true after setting
     * {@link #pc} to the handler to resume here; false lets it unwind to the caller.
     */
    protected boolean handle(Actor self, Fault fault) {
        return false;
    }

    /**
     * The datum this activation is about (a store path's index, say), or -1: it tells two runs of the
     * same operation apart when a recorded run is followed by meaning ({@link Actor#point}).
     */
    protected int subject() {
        return -1;
    }

    int pc() {
        return pc;
    }

    /** Sets the program counter and yields: the common "do X, then ⟂" ending of a step. */
    protected final Control yieldTo(int next) {
        pc = next;
        return Control.YIELD;
    }

    protected final Control goTo(int next) {
        pc = next;
        return Control.CONTINUE;
    }
}

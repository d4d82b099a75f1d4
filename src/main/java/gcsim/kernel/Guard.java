package gcsim.kernel;

/**
 * A condition an actor waits on: a lock becoming free, a message arriving, a timer expiring.
 *
 * <p>Guards are polled by the kernel at each scheduling decision, so a guard must be a pure read
 * of simulation state: no side effects, no choices.
 */
public interface Guard {
    long NEVER = Long.MAX_VALUE;

    boolean ready();

    /** The virtual time at which this guard becomes ready by itself, or {@link #NEVER}. */
    default long deadline() {
        return NEVER;
    }

    /**
     * For a guard that is ready: the latest virtual time its actor may still be waiting at, or
     * {@link #NEVER}. Time does not pass beyond it while the actor has not run, so a start the
     * strategy chooses within a window ({@link Kernel#window}) cannot be skipped by a clock advance.
     */
    default long latest() {
        return NEVER;
    }
}

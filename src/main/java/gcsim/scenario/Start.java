package gcsim.scenario;

/**
 * When a process starts. A fixed start ({@link At}, {@link After}) says when it may start at the
 * earliest: a process that can run may always be passed over by the scheduler. A chosen start
 * ({@link Window}, {@link Any}) is a choice of the search, recorded in the schedule like any other:
 * the process waits to start, and each scheduling point in its window is a point where it may
 * start now or not yet; a window's end forces it, as time cannot pass that end until it has started.
 */
public sealed interface Start {
    /** At virtual time {@code nanos}. */
    record At(long nanos) implements Start {}

    /** Once process {@code process} has exited. */
    record After(String process) implements Start {}

    /**
     * At a point the search chooses between {@code opens} (a time, or another process's exit) and
     * {@code within} later.
     */
    record Window(Start opens, long within) implements Start {
        public Window {
            if (!(opens instanceof At || opens instanceof After)) {
                throw new IllegalArgumentException("a window opens at a time or at an exit, not " + opens);
            }
            if (within < 0) {
                throw new IllegalArgumentException("a window's length must not be negative: " + within);
            }
        }
    }

    /** At any scheduling point of the execution the search chooses: a window that opens at 0s and never closes. */
    record Any() implements Start {}
}

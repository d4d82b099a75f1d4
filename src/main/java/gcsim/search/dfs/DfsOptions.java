package gcsim.search.dfs;

/**
 * What one exhaustive search may do. A record so that a search is fully described by its inputs:
 * the same executor and the same options always explore the same executions in the same order.
 *
 * @param maxExecutions how many executions to run at most; the search stops INCOMPLETE after that
 * @param preemptionBound at most this many preemptions per execution (null: unbounded). A preemption
 *     is a pick, at a step where the actor that ran the previous step could run again, of anything
 *     else (a clock advance included)
 * @param stopAtFirstFailure end the search at the first execution an oracle fails
 * @param reduction use DPOR and sleep sets. Without a preemption bound this only saves work (the
 *     reduced search reaches every state the full one does). With a bound it does not compose
 *     exactly: reduced, the search is a fast under-approximation of the bounded space that can
 *     verify what the exact search fails (it misses schedules within the bound whose explored
 *     equivalents need more preemptions); unreduced, it runs every schedule within the bound exactly
 *     once, as CHESS does. See {@link Dfs}
 * @param stateful keep the states whose subtrees are finished and stop a path that reaches one
 *     (stateful DPOR with summaries, see {@link StateCache}); needs a {@link gcsim.check.Forkable}
 *     executor, the reduction, and no preemption bound
 */
public record DfsOptions(long maxExecutions, Integer preemptionBound, boolean stopAtFirstFailure, boolean reduction,
                         boolean stateful) {
    /** The default budget: a million executions. */
    public static final long DEFAULT_MAX_EXECUTIONS = 1_000_000L;

    /**
     * The default starvation bound of the exhaustive search (the kernel's, see
     * {@link gcsim.kernel.Kernel#withStarvationBound}). Without one, every retry loop (addTempRoot's
     * 100 ms retry while the collector finishes, 2.8's immediate restart on ECONNREFUSED) is a branch
     * the search follows once more per execution, up to the step bound: on hosts-drv-collect-garbage,
     * execution i was some 1.5·i steps long. Three turns past an actor that can run keep each such
     * loop short; {@code --starvation none} lifts the bound.
     */
    public static final int DEFAULT_STARVATION_BOUND = 3;

    /** With the reduction on when unbounded and off under a preemption bound, so that a bound is exact. */
    public DfsOptions(long maxExecutions, Integer preemptionBound, boolean stopAtFirstFailure) {
        this(maxExecutions, preemptionBound, stopAtFirstFailure, preemptionBound == null);
    }

    public DfsOptions(long maxExecutions, Integer preemptionBound, boolean stopAtFirstFailure, boolean reduction) {
        this(maxExecutions, preemptionBound, stopAtFirstFailure, reduction, false);
    }

    public DfsOptions {
        if (stateful && (preemptionBound != null || !reduction)) {
            throw new IllegalArgumentException("the stateful DPOR search needs the reduction and no preemption bound");
        }
        if (maxExecutions <= 0) {
            throw new IllegalArgumentException("maxExecutions must be positive, not " + maxExecutions);
        }
        if (preemptionBound != null && preemptionBound < 0) {
            throw new IllegalArgumentException("preemptionBound must be at least 0, not " + preemptionBound);
        }
    }

    /** A million executions, no preemption bound, stop at the first failure. */
    public static DfsOptions defaults() {
        return new DfsOptions(DEFAULT_MAX_EXECUTIONS, null, true);
    }

    public DfsOptions withMaxExecutions(long max) {
        return new DfsOptions(max, preemptionBound, stopAtFirstFailure, reduction, stateful);
    }

    /** A bound (or none), with the reduction set as the three-argument constructor sets it. */
    public DfsOptions withPreemptionBound(Integer bound) {
        return new DfsOptions(maxExecutions, bound, stopAtFirstFailure);
    }

    public DfsOptions withStopAtFirstFailure(boolean stop) {
        return new DfsOptions(maxExecutions, preemptionBound, stop, reduction, stateful);
    }

    public DfsOptions withReduction(boolean on) {
        return new DfsOptions(maxExecutions, preemptionBound, stopAtFirstFailure, on);
    }

    /** With or without the visited set of the stateful DPOR search. */
    public DfsOptions withStateful(boolean on) {
        return new DfsOptions(maxExecutions, preemptionBound, stopAtFirstFailure, reduction, on);
    }
}

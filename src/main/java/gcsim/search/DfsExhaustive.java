package gcsim.search;

import gcsim.check.Executor;
import gcsim.search.dfs.Dfs;
import gcsim.search.dfs.DfsOptions;
import gcsim.search.dfs.DfsResult;
import gcsim.search.dfs.DfsSession;

/**
 * {@link Exhaustive} by the depth-first search with partial-order reduction in {@code gcsim.search.dfs}:
 * the one class that knows that package's API, so the compare command and the report depend only on
 * {@link ExhaustiveResult}.
 */
public final class DfsExhaustive implements Exhaustive {
    /** The name of the DFS with a visited set, as options and reports spell it. */
    public static final String STATEFUL_DPOR = "stateful-dpor";

    private final Integer preemptionBound;
    private final boolean stateful;

    /** @param preemptionBound the most preemptions per schedule, or null for none */
    public DfsExhaustive(Integer preemptionBound) {
        this(preemptionBound, false);
    }

    /**
     * @param stateful keep a visited set (stateful DPOR, {@link DfsOptions#stateful()}); it needs no
     *     preemption bound and a {@link gcsim.check.Forkable} executor (one wrapped in a {@link
     *     CoverageCounter} is unwrapped), else the plain DFS runs
     */
    public DfsExhaustive(Integer preemptionBound, boolean stateful) {
        this.preemptionBound = preemptionBound;
        this.stateful = stateful && preemptionBound == null;
    }

    private DfsOptions options(long maxExecutions) {
        return new DfsOptions(maxExecutions, preemptionBound, true).withStateful(stateful);
    }

    /**
     * The executor the search runs: for the stateful mode, one it can fingerprint, counting coverage
     * as the wrapper would; null when there is none (then the plain DFS runs on the executor).
     */
    private Executor forkable(Executor executor) {
        if (!stateful) {
            return null;
        }
        if (executor instanceof gcsim.check.Forkable) {
            return executor;
        }
        if (executor instanceof CoverageCounter c && c.inner() instanceof gcsim.check.Forkable f) {
            return f;
        }
        return null;
    }

    @Override
    public ExhaustiveResult explore(Executor executor, long maxExecutions) {
        Executor f = forkable(executor);
        if (f == null && executor instanceof CoverageCounter c && c.inner() instanceof gcsim.check.Forkable inner) {
            // The DFS resumes executions from copies of the world only on an executor it can copy, so it
            // drives the counted one directly and counts through its callback, and counts the replay of
            // the failure for its trace too, as the wrapper would have.
            DfsResult r = new Dfs().explore(inner, new DfsOptions(maxExecutions, preemptionBound, true), c::record);
            if (r.failure() != null) {
                c.record(r.failure());
            }
            return of(r);
        }
        if (f == null) {
            return of(new Dfs().explore(executor, new DfsOptions(maxExecutions, preemptionBound, true)));
        }
        CoverageCounter counter = executor instanceof CoverageCounter c ? c : null;
        DfsResult r = new Dfs().explore(f, options(maxExecutions), x -> {
            if (counter != null) {
                counter.record(x);
            }
        });
        return of(r, STATEFUL_DPOR);
    }

    @Override
    public ExhaustiveSession session(Executor executor, long maxExecutions) {
        Executor f = forkable(executor);
        DfsSession s = f == null ? new DfsSession(executor, new DfsOptions(maxExecutions, preemptionBound, true))
                : new DfsSession(f, options(maxExecutions));
        CoverageCounter counter = f != null && executor instanceof CoverageCounter c ? c : null;
        String name = f == null ? "dfs" : STATEFUL_DPOR;
        return new ExhaustiveSession() {
            @Override
            public long run(long most) {
                return s.run(most, r -> {
                    if (counter != null) {
                        counter.record(r);
                    }
                });
            }

            @Override
            public boolean over() {
                return s.over();
            }

            @Override
            public boolean failed() {
                return s.failure() != null;
            }

            @Override
            public long executions() {
                return s.executions();
            }

            @Override
            public ExhaustiveResult result() {
                return of(s.result(), name);
            }
        };
    }

    /** The engine's result in the report's terms. */
    public static ExhaustiveResult of(DfsResult r) {
        return of(r, "dfs");
    }

    private static ExhaustiveResult of(DfsResult r, String engine) {
        return new ExhaustiveResult(ExhaustiveResult.Verdict.valueOf(r.verdict().name()), r.executions(), r.pruned(),
                r.cut(), r.terminalStates(), r.complete(), r.preemptionBound(), r.failure(), r.failureIndex(), r.blocked(),
                null, engine);
    }
}

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
    private final Integer preemptionBound;

    /** @param preemptionBound the most preemptions per schedule, or null for none */
    public DfsExhaustive(Integer preemptionBound) {
        this.preemptionBound = preemptionBound;
    }

    @Override
    public ExhaustiveResult explore(Executor executor, long maxExecutions) {
        DfsResult r = new Dfs().explore(executor, new DfsOptions(maxExecutions, preemptionBound, true));
        return of(r);
    }

    @Override
    public ExhaustiveSession session(Executor executor, long maxExecutions) {
        DfsSession s = new DfsSession(executor, new DfsOptions(maxExecutions, preemptionBound, true));
        return new ExhaustiveSession() {
            @Override
            public long run(long most) {
                return s.run(most, r -> { });
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
                return of(s.result());
            }
        };
    }

    /** The engine's result in the report's terms. */
    public static ExhaustiveResult of(DfsResult r) {
        return new ExhaustiveResult(ExhaustiveResult.Verdict.valueOf(r.verdict().name()), r.executions(), r.pruned(),
                r.cut(), r.terminalStates(), r.complete(), r.preemptionBound(), r.failure(), r.failureIndex(), r.blocked());
    }
}

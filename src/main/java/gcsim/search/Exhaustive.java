package gcsim.search;

import gcsim.check.Executor;

/**
 * Systematic exploration of every schedule of an executor, up to a budget of executions: what turns
 * "no failure in N random schedules" into "no failure in any schedule" when it completes.
 *
 * <p>Why an interface of our own: the compare command and the report depend only on this and on
 * {@link ExhaustiveResult}; {@link DfsExhaustive} is the one class that knows the DFS engine's API,
 * so a change there is a change in one place.
 */
@FunctionalInterface
public interface Exhaustive {
    /**
     * Explores schedules of {@code executor} until every one is covered, one fails, or
     * {@code maxExecutions} executions have run. Deterministic: the same executor and budget give the
     * same result on any machine.
     */
    ExhaustiveResult explore(Executor executor, long maxExecutions);

    /**
     * The same search as a session that runs a slice at a time. A search that cannot pause runs
     * whole in its first slice (this default); one that can overrides it.
     */
    default ExhaustiveSession session(Executor executor, long maxExecutions) {
        return new ExhaustiveSession() {
            private ExhaustiveResult done;

            @Override
            public long run(long most) {
                if (done != null) {
                    return 0;
                }
                done = explore(executor, maxExecutions);
                return done.executions();
            }

            @Override
            public boolean over() {
                return done != null;
            }

            @Override
            public boolean failed() {
                return done != null && done.verdict() == ExhaustiveResult.Verdict.FAIL;
            }

            @Override
            public long executions() {
                return done == null ? 0 : done.executions();
            }

            @Override
            public ExhaustiveResult result() {
                return done;
            }
        };
    }
}

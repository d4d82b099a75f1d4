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
}

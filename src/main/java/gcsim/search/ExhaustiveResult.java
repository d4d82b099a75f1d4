package gcsim.search;

import gcsim.check.RunResult;
import gcsim.search.stateful.StatefulResult;

/**
 * What an {@link Exhaustive} exploration found, in the terms the report uses.
 *
 * @param verdict {@code VERIFIED} (every schedule within the bounds explored, none failed),
 *     {@code INCOMPLETE} (budget spent first) or {@code FAIL}
 * @param executions executions run
 * @param pruned schedules skipped as equivalent to explored ones (partial-order reduction)
 * @param cut executions that hit the step bound
 * @param terminalStates distinct final states seen
 * @param complete true when the exploration covered the whole space within its bounds
 * @param preemptionBound the bound on preemptions per schedule, or null for none
 * @param failure the first failing execution, or null
 * @param failureIndex the 0-based index of that execution, or -1
 * @param blocked executions (counted in {@code executions}) abandoned before their end because the
 *     reduction had nothing new to explore there
 * @param stateful the stateful search that ran after the DFS did not finish, or null; when present the
 *     verdict is its verdict and {@code executions} counts both searches' executions
 * @param engine the depth-first search that ran ({@code dfs}, or {@code stateful-dpor} with a visited set)
 */
public record ExhaustiveResult(Verdict verdict, long executions, long pruned, long cut, long terminalStates,
                               boolean complete, Integer preemptionBound, RunResult failure, long failureIndex,
                               long blocked, StatefulResult stateful, String engine) {

    /** A result of the plain DFS, possibly followed by the stateful search. */
    public ExhaustiveResult(Verdict verdict, long executions, long pruned, long cut, long terminalStates, boolean complete,
                            Integer preemptionBound, RunResult failure, long failureIndex, long blocked,
                            StatefulResult stateful) {
        this(verdict, executions, pruned, cut, terminalStates, complete, preemptionBound, failure, failureIndex, blocked,
                stateful, "dfs");
    }

    /** A result of the DFS alone. */
    public ExhaustiveResult(Verdict verdict, long executions, long pruned, long cut, long terminalStates, boolean complete,
                            Integer preemptionBound, RunResult failure, long failureIndex, long blocked) {
        this(verdict, executions, pruned, cut, terminalStates, complete, preemptionBound, failure, failureIndex, blocked,
                null, "dfs");
    }

    /** {@code stateful} when the stateful search decided the verdict (it ran and found the failure), else the engine. */
    public String foundBy() {
        return stateful != null && stateful.failure() != null ? "stateful" : engine;
    }

    /** How an exploration ended. */
    public enum Verdict { VERIFIED, INCOMPLETE, FAIL }
}

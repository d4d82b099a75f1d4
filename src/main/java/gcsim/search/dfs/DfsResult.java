package gcsim.search.dfs;

import gcsim.check.RunResult;

/**
 * The outcome of one exhaustive search, with the figures a report needs to say how much was covered
 * and how much the reduction saved. A verdict of VERIFIED is only as strong as its bounds: it holds
 * for executions of at most the executor's {@code maxSteps} steps ({@code cut} counts those that hit
 * it) and, when {@code preemptionBound} is set, for that many preemptions (with the reduction off;
 * see {@link DfsOptions#reduction()}).
 *
 * @param verdict FAIL when a failure was found, else VERIFIED when the space was exhausted, else INCOMPLETE
 * @param executions executions run, including those abandoned as sleep-set blocked ({@code blocked})
 * @param pruned branches (alternatives at a scheduling point) never taken because DPOR did not need
 *     them or a sleep set blocked them
 * @param cut executions that hit the executor's step bound
 * @param terminalStates distinct {@link RunResult#terminalState()} values among executions that ended
 *     (completed, deadlocked or stopped by an oracle; not cut, not abandoned)
 * @param complete true when every branch was explored, pruned or cut
 * @param preemptionBound the bound used, or null
 * @param failure the first failing execution, replayed with its trace, or null
 * @param failureIndex the 0-based index of that execution among those run, or -1
 * @param boundSkipped branches not taken because they would exceed the preemption bound
 * @param blocked executions abandoned before their end because every option was asleep (sleep-set
 *     blocked) or beyond the preemption bound; they are counted in {@code executions}
 * @param states the stateful DPOR search's finished states kept in its visited set (0 for the stateless search)
 * @param revisits executions the stateful DPOR search stopped at a visited state (counted in {@code executions})
 */
public record DfsResult(Verdict verdict, long executions, long pruned, long cut, long terminalStates,
                        boolean complete, Integer preemptionBound, RunResult failure, long failureIndex,
                        long boundSkipped, long blocked, long states, long revisits) {

    /** One line for logs and tests. */
    public String summary() {
        return verdict + ": " + executions + " executions, " + pruned + " pruned, " + cut + " cut, "
                + terminalStates + " terminal states" + (blocked > 0 ? ", " + blocked + " blocked" : "")
                + (states > 0 ? ", " + states + " visited states, " + revisits + " executions stopped at one" : "")
                + (preemptionBound == null ? "" : ", preemption bound " + preemptionBound + " (" + boundSkipped
                + " branches beyond it)") + (complete ? "" : ", not exhausted");
    }
}

package gcsim.search.stateful;

import gcsim.check.RunResult;

/**
 * What a stateful search found, with the figures that say how far it got.
 *
 * @param verdict FAIL, VERIFIED (every reachable state expanded, none failed, no execution cut by the
 *     step bound) or INCOMPLETE (the state bound was reached, or the step bound cut an execution: a
 *     state first reached deep and cut there is not re-expanded when reached again shallower)
 * @param transitions transitions run: states generated, counting revisits (TLC's "states found")
 * @param distinctStates distinct fingerprints at scheduling points (TLC's "distinct states")
 * @param executions transitions that ended their execution (a terminal state)
 * @param terminalStates distinct terminal states by {@link RunResult#terminalState()}
 * @param cut executions the step bound cut
 * @param maxDepth the most transitions on one path from the start
 * @param steps kernel steps simulated in all, forced steps included
 * @param failure the first failing execution replayed with its trace, or null
 * @param collisionProbability the chance that two of the distinct states share a fingerprint
 * @param maxStates the bound on distinct states it ran under
 */
public record StatefulResult(Verdict verdict, long transitions, long distinctStates, long executions, long terminalStates,
                             long cut, int maxDepth, long steps, RunResult failure, double collisionProbability,
                             long maxStates) {
    /** How the search ended. */
    public enum Verdict { VERIFIED, INCOMPLETE, FAIL }

    public boolean complete() {
        return verdict == Verdict.VERIFIED;
    }

    /** One line for logs and tests. */
    public String summary() {
        return verdict.name().toLowerCase(java.util.Locale.ROOT) + ": " + distinctStates + " distinct states, "
                + transitions + " transitions, " + executions + " executions (" + terminalStates + " terminal states, "
                + cut + " cut), depth " + maxDepth + ", " + steps + " steps; fingerprint collision probability "
                + String.format(java.util.Locale.ROOT, "%.1e", collisionProbability);
    }
}

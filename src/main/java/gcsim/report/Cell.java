package gcsim.report;

/**
 * One scenario under one variant in a compare report: the verdict and the figures behind it.
 *
 * @param random the random walk's figures
 * @param pct PCT's figures, or null when it did not run (the random walk had failed already)
 * @param dfs the exhaustive search's figures, or null when it did not run
 * @param coverage what all of the cell's executions exercised together
 * @param counterexample the shrunk failing schedule, for a failing cell; else null
 */
public record Cell(String scenario, String variant, Verdict verdict, Phase random, Phase pct, Dfs dfs,
                   Coverage coverage, Counterexample counterexample) {

    /** A seeded search: schedules run (the failing one included), how many were cut, whether it failed. */
    public record Phase(long schedules, long cut, boolean failed) {}

    /**
     * The exhaustive search.
     *
     * @param verdict {@code verified}, {@code incomplete} or {@code fail}
     * @param preemptionBound the bound on preemptions per schedule, or null for none
     * @param blocked executions (counted in {@code executions}) abandoned where the sleep set blocked
     *     every option: the work by which source-set DPOR falls short of optimal
     * @param stateful the stateful search run after the DFS did not finish, or null
     */
    public record Dfs(String verdict, long executions, long pruned, long cut, long terminalStates, boolean complete,
                      Integer preemptionBound, long blocked, Stateful stateful) {
        /** The DFS alone. */
        public Dfs(String verdict, long executions, long pruned, long cut, long terminalStates, boolean complete,
                   Integer preemptionBound, long blocked) {
            this(verdict, executions, pruned, cut, terminalStates, complete, preemptionBound, blocked, null);
        }
    }

    /**
     * The stateful search's figures (TLC's terms): what decides a cell the DFS could not finish.
     *
     * @param verdict {@code verified}, {@code incomplete} or {@code fail}
     * @param transitions states generated, revisits included
     * @param distinctStates distinct states (fingerprints) seen
     * @param maxDepth the most transitions on one path
     * @param maxStates its bound on distinct states
     */
    public record Stateful(String verdict, long transitions, long distinctStates, int maxDepth, long maxStates) {}

    /**
     * How much of the race window the cell's executions reached, so that a pass is not empty.
     *
     * @param executions all executions counted (seeded schedules and exhaustive executions)
     * @param gcRan executions in which a collector ran
     * @param gcDuringClientOps executions in which a collector took gc.lock while a client operation was in flight
     * @param deletedSomething executions in which a collector deleted at least one path
     */
    public record Coverage(long executions, long gcRan, long gcDuringClientOps, long deletedSomething) {}

    /** {@code SCENARIO--VARIANT}: the cell's file name stem and anchor. */
    public String key() {
        return scenario + "--" + variant;
    }
}

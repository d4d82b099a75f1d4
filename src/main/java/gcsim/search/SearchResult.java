package gcsim.search;

import gcsim.check.RunResult;

/**
 * What a search found. Every field but the two timings is a deterministic function of the executor,
 * the strategy, the base seed and the budget: the same whatever the number of worker threads.
 *
 * @param schedules schedules run; with a failure, its index + 1 (the failing one included)
 * @param cut schedules among those that hit the step bound
 * @param failing the failure with the lowest schedule index, or null
 * @param elapsedMs wall-clock time of the search (for reporting only)
 * @param schedulesPerSecond {@code schedules} over the elapsed time (for reporting only)
 * @param maxActors the most actors any counted schedule had to choose among (clock advance counted as one)
 * @param maxDecisions the most scheduling decisions any counted schedule made, cut ones excepted
 * @param maxSteps the most steps any counted schedule took, cut ones excepted: PCT's k
 * @param coverage what the counted schedules exercised, so that a search without a failure is not empty
 */
public record SearchResult(long schedules, long cut, Failing failing, long elapsedMs, double schedulesPerSecond,
                           int maxActors, int maxDecisions, int maxSteps, Coverage coverage) {

    /** A result without coverage figures (all zero), as before coverage was counted. */
    public SearchResult(long schedules, long cut, Failing failing, long elapsedMs, double schedulesPerSecond,
                        int maxActors, int maxDecisions, int maxSteps) {
        this(schedules, cut, failing, elapsedMs, schedulesPerSecond, maxActors, maxDecisions, maxSteps, Coverage.NONE);
    }

    /**
     * How many of the counted schedules (a failure's own included) exercised the collector: the
     * evidence that "no failure" means the race window was there to be hit.
     *
     * @param gcRan schedules in which at least one collector run started
     * @param gcDuringClientOps schedules in which a collector took gc.lock while a client operation was in flight
     * @param deletedSomething schedules in which a collector deleted at least one store path
     */
    public record Coverage(long gcRan, long gcDuringClientOps, long deletedSomething) {
        public static final Coverage NONE = new Coverage(0, 0, 0);

        public Coverage plus(Coverage o) {
            return new Coverage(gcRan + o.gcRan, gcDuringClientOps + o.gcDuringClientOps, deletedSomething + o.deletedSomething);
        }
    }

    public boolean failed() {
        return failing != null;
    }

    /**
     * The failing schedule.
     *
     * @param index its 0-based index in the search
     * @param seed its seed, {@link SplitMix64#mix}(base seed, index): {@code replay --seed} runs it again
     * @param decisionEstimate the decision estimate the strategy was given for it (PCT's k)
     * @param result the judged execution, with the schedule of choices that replays it
     */
    public record Failing(long index, long seed, int decisionEstimate, RunResult result) {}
}

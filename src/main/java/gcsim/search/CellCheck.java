package gcsim.search;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import java.util.function.Supplier;

/**
 * Checks one scenario under one variant the way {@code gcsim compare} does: a random walk, then
 * PCT, each for the same budget of schedules, then, only when neither failed, an exhaustive
 * exploration that can turn "no failure found" into "no failure possible within these bounds".
 *
 * <p>Why this order: random and PCT find shallow races within a few schedules, and a cell that
 * already failed needs no proof; the exhaustive search is the expensive step and is kept for the
 * cells whose verdict it can change. Each phase stops at its first failure. Everything here is a
 * function of the executor, the budgets and the seed, never of timing or thread count.
 */
public final class CellCheck {
    private CellCheck() {}

    /**
     * @param schedules schedules for the random walk, and again for PCT
     * @param pctDepth PCT's depth d
     * @param dfsExecutions the exhaustive search's budget of executions; 0 skips it
     * @param seed the base seed of both seeded searches
     * @param threads worker threads per seeded search (the verdicts do not depend on it)
     */
    public record Budget(long schedules, int pctDepth, long dfsExecutions, long seed, int threads) {}

    /** One seeded search: schedules run (a failure's own included), cut, and what they exercised. */
    public record Phase(long schedules, long cut, boolean failed, SearchResult.Coverage coverage) {
        static Phase of(SearchResult r) {
            return new Phase(r.schedules(), r.cut(), r.failed(), r.coverage());
        }
    }

    /**
     * The failure a cell's check found first.
     *
     * @param strategy {@code random}, {@code pct}, {@code dfs} or {@code stateful}
     * @param schedule its 1-based number within that strategy's run
     * @param seed its seed (random and PCT), else null
     * @param decisionEstimate PCT's k for it, else null
     * @param result the failing execution
     */
    public record Found(String strategy, long schedule, Long seed, Integer decisionEstimate, RunResult result) {}

    /**
     * @param random the random walk
     * @param pct PCT, or null when the random walk already failed
     * @param exhaustive the exhaustive exploration, or null when it did not run
     * @param exhaustiveCoverage what its executions exercised (zero when it did not run)
     * @param found the first failure, or null
     */
    public record Outcome(Phase random, Phase pct, ExhaustiveResult exhaustive, SearchResult.Coverage exhaustiveCoverage,
                          Found found) {}

    /** Observes a cell's check as it runs, for progress output; nothing it sees changes the outcome. */
    public interface Listener {
        Listener NONE = new Listener() { };

        /** {@code done} schedules of the current seeded search have finished. */
        default void schedules(long done) {}

        /** A phase finished after {@code runs} schedules or executions. */
        default void phaseDone(long runs) {}

        /** The exhaustive search is about to start; {@code runs} reports its executions so far. */
        default void exhaustiveStarted(CoverageCounter runs) {}
    }

    /**
     * Runs the check.
     *
     * @param executors makes a fresh single-threaded executor for the cell (one per worker thread)
     * @param exhaustive the exhaustive explorer, or null to skip that phase
     * @throws SearchCrash when an execution of a seeded search throws (a bug, not a verdict)
     */
    public static Outcome run(Supplier<? extends Executor> executors, Budget budget, Exhaustive exhaustive, Listener listener) {
        return run(executors, executors, budget, exhaustive, listener);
    }

    /**
     * Runs the check, the exhaustive phase on an executor of its own: one whose bounds (a starvation
     * bound) make its space finite, which the seeded searches do not need.
     *
     * @param exhaustiveExecutors makes the executor the exhaustive search explores
     */
    public static Outcome run(Supplier<? extends Executor> executors, Supplier<? extends Executor> exhaustiveExecutors,
                              Budget budget, Exhaustive exhaustive, Listener listener) {
        Search.Progress progress = listener::schedules;
        SearchResult random = new Search(executors, () -> StrategyKind.RANDOM.create(budget.seed(), budget.pctDepth()),
                budget.threads()).run(budget.seed(), budget.schedules(), Pct.DEFAULT_DECISIONS, progress);
        listener.phaseDone(random.schedules());
        if (random.failed()) {
            SearchResult.Failing f = random.failing();
            return new Outcome(Phase.of(random), null, null, SearchResult.Coverage.NONE,
                    new Found("random", random.schedules(), f.seed(), null, f.result()));
        }
        SearchResult pct = new Search(executors, () -> StrategyKind.PCT.create(budget.seed(), budget.pctDepth()),
                budget.threads()).run(budget.seed(), budget.schedules(), Pct.DEFAULT_DECISIONS, progress);
        listener.phaseDone(pct.schedules());
        if (pct.failed()) {
            SearchResult.Failing f = pct.failing();
            return new Outcome(Phase.of(random), Phase.of(pct), null, SearchResult.Coverage.NONE,
                    new Found("pct", pct.schedules(), f.seed(), f.decisionEstimate(), f.result()));
        }
        if (exhaustive == null || budget.dfsExecutions() <= 0) {
            return new Outcome(Phase.of(random), Phase.of(pct), null, SearchResult.Coverage.NONE, null);
        }
        CoverageCounter counter = new CoverageCounter(exhaustiveExecutors.get());
        listener.exhaustiveStarted(counter);
        ExhaustiveResult dfs = exhaustive.explore(counter, budget.dfsExecutions());
        listener.phaseDone(dfs.executions());
        Found found = dfs.verdict() == ExhaustiveResult.Verdict.FAIL && dfs.failure() != null
                ? new Found(dfs.foundBy(), dfs.failureIndex() + 1, null, null, dfs.failure()) : null;
        return new Outcome(Phase.of(random), Phase.of(pct), dfs, counter.coverage(), found);
    }
}

package gcsim.bench;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.Strategy;
import gcsim.search.Pct;
import gcsim.search.Search;
import gcsim.search.SearchResult;
import gcsim.search.StrategyKind;
import gcsim.search.dfs.Dfs;
import gcsim.search.dfs.DfsOptions;
import gcsim.search.dfs.DfsResult;
import java.util.function.Supplier;

/**
 * How long a search takes to find its first failure, in schedules and in time: a seeded search
 * (random or PCT, one worker thread, exactly as {@code gcsim search --threads 1} runs it) for each
 * of a range of base seeds, or the exhaustive search, which has no seed.
 */
final class FirstFailure {
    /** Budget per seeded search; a search that finds nothing within it counts as not found. */
    static final long SCHEDULE_BUDGET = 1_000_000;
    private static final int PCT_DEPTH = 3;
    private static final int DFS_STARVATION_BOUND = 3;

    /**
     * Medians over the seeds of one run.
     *
     * @param schedules schedules (executions, for the exhaustive search) up to and including the failing one
     * @param cpuMillis CPU time of the search's worker thread from its first schedule to the failure
     * @param wallMillis wall time of the whole search call, setup included
     * @param notFound seeds whose search found nothing within the budget (left out of the medians)
     */
    record Run(double schedules, double cpuMillis, double wallMillis, int notFound) {}

    private FirstFailure() {}

    /** Seeded searches with base seeds 1 to {@code seeds}; the medians over those that found a failure. */
    static Run seeded(Supplier<Executor> executors, StrategyKind kind, int seeds) {
        double[] schedules = new double[seeds];
        double[] cpu = new double[seeds];
        double[] wall = new double[seeds];
        int found = 0;
        for (int s = 1; s <= seeds; s++) {
            Timed timed = new Timed(executors.get());
            Search search = new Search(() -> timed, () -> kind.create(0, PCT_DEPTH), 1);
            long start = System.nanoTime();
            SearchResult r = search.run(s, 0, SCHEDULE_BUDGET, Pct.DEFAULT_DECISIONS, Search.Progress.NONE);
            long wallNanos = System.nanoTime() - start;
            if (r.failed()) {
                schedules[found] = r.schedules();
                cpu[found] = timed.cpuToFailure() / 1e6;
                wall[found] = wallNanos / 1e6;
                found++;
            }
        }
        if (found == 0) {
            return new Run(Double.NaN, Double.NaN, Double.NaN, seeds);
        }
        return new Run(Spread.median(java.util.Arrays.copyOf(schedules, found)),
                Spread.median(java.util.Arrays.copyOf(cpu, found)), Spread.median(java.util.Arrays.copyOf(wall, found)),
                seeds - found);
    }

    /** The exhaustive search with its default bounds, stopping at the first failure; it runs on this thread. */
    static Run exhaustive(Executor executor) {
        long start = System.nanoTime();
        long cpuStart = Cpu.threadNanos();
        DfsResult r = new Dfs().explore(executor, new DfsOptions(DfsOptions.DEFAULT_MAX_EXECUTIONS, null, true));
        double cpu = (Cpu.threadNanos() - cpuStart) / 1e6;
        double wall = (System.nanoTime() - start) / 1e6;
        if (r.failure() == null) {
            return new Run(Double.NaN, Double.NaN, Double.NaN, 1);
        }
        return new Run(r.failureIndex() + 1, cpu, wall, 0);
    }

    /** Starvation bound the exhaustive search uses by default ({@code gcsim search --strategy dfs}). */
    static int dfsStarvationBound() {
        return DFS_STARVATION_BOUND;
    }

    /**
     * An executor that notes its thread's CPU clock before its first execution and after the first
     * failing one. A one-thread search runs every schedule on the same pool thread, and that thread
     * stops at the failure, so the difference is the search's own CPU time to the failure.
     */
    private static final class Timed implements Executor {
        private final Executor inner;
        private long first = -1;
        private long failed = -1;

        Timed(Executor inner) {
            this.inner = inner;
        }

        @Override
        public RunResult run(Strategy strategy, boolean trace) {
            if (first < 0) {
                first = Cpu.threadNanos();
            }
            return timed(inner.run(strategy, trace));
        }

        @Override
        public RunResult runForSearch(Strategy strategy) {
            if (first < 0) {
                first = Cpu.threadNanos();
            }
            return timed(inner.runForSearch(strategy));
        }

        private RunResult timed(RunResult r) {
            if (r.failed() && failed < 0) {
                failed = Cpu.threadNanos();
            }
            return r;
        }

        long cpuToFailure() {
            return failed - first;
        }
    }
}

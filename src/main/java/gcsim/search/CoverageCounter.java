package gcsim.search;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.Strategy;

/**
 * Wraps an executor and counts what its runs exercised, for explorations that report no coverage
 * of their own (the exhaustive search). Single-threaded, like the executor it wraps; the counts are
 * deterministic when the exploration is.
 */
public final class CoverageCounter implements Executor {
    private final Executor inner;
    private volatile long runs;
    private long gcRan;
    private long gcDuringClientOps;
    private long deletedSomething;

    public CoverageCounter(Executor inner) {
        this.inner = inner;
    }

    @Override
    public RunResult run(Strategy strategy, boolean trace) {
        return record(inner.run(strategy, trace));
    }

    /** The executor it counts for (the stateful search drives it directly, and reports through {@link #record}). */
    public Executor inner() {
        return inner;
    }

    /** Counts one run made on the inner executor by other means; returns it. */
    public RunResult record(RunResult r) {
        runs++;
        RunResult.Coverage c = r.coverage();
        if (c != null) {
            gcRan += c.gcRuns() > 0 ? 1 : 0;
            gcDuringClientOps += c.gcDuringClientOps() > 0 ? 1 : 0;
            deletedSomething += c.pathsDeleted() > 0 ? 1 : 0;
        }
        return r;
    }

    /** Runs so far; may be read from another thread for progress output. */
    public long runs() {
        return runs;
    }

    /** The coverage of the runs so far. */
    public SearchResult.Coverage coverage() {
        return new SearchResult.Coverage(gcRan, gcDuringClientOps, deletedSomething);
    }
}

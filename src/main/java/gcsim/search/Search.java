package gcsim.search;

import gcsim.check.Executor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs schedules 0, 1, 2, … of a seeded strategy against an executor until one fails or the budget
 * is spent, on several worker threads, and reports exactly what a sequential run would report.
 *
 * <p>Why it is deterministic: schedule i's seed is {@link SplitMix64#mix}(base, i), independent of
 * which thread runs it. Workers take indices in small chunks from a shared counter. Once a failure
 * at index f is known, nobody starts an index above f, but every index below f still runs, so the
 * lowest failing index wins whatever the timing. Counters (cuts, maxima) only take indices up to the
 * reported one. PCT's decision estimate changes only between epochs (index ranges of size 1, 1, 2,
 * 4, … up to {@value #MAX_EPOCH}); an epoch starts once every index before it is done, and its
 * estimate is the largest step count among the earlier, non-cut schedules (at least the initial
 * estimate), so it too is the same for any number of threads.
 *
 * <p>Why steps and not decisions: steps bound decisions from above, and PCT's own preemptions shrink
 * the decision count (once the preempted actor's rival has finished, nothing is left to decide), so
 * an estimate fed by decisions would never grow past the change points it was drawn from. Cut
 * schedules do not count: a livelock's length says nothing about where races are.
 *
 * <p>Each worker thread owns one executor and one strategy object for the whole search (executors
 * are single-threaded); the loop allocates nothing per schedule.
 */
public final class Search {
    /** Largest epoch: a barrier every this many schedules costs little and lets PCT's estimate move. */
    public static final int MAX_EPOCH = 4096;
    private static final long NONE = SearchEpoch.NONE;
    private static final long PROGRESS_POLL_MS = 250;

    /** Told, from the calling thread, how many schedules have finished so far; for progress output. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = done -> { };

        void update(long done);
    }

    private final Supplier<? extends Executor> executors;
    private final Supplier<? extends SearchStrategy> strategies;
    private final int threads;

    /**
     * @param executors makes one executor per worker thread
     * @param strategies makes one strategy per worker thread (its seed is replaced before each schedule)
     * @param threads worker threads, at least one
     */
    public Search(Supplier<? extends Executor> executors, Supplier<? extends SearchStrategy> strategies, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.executors = executors;
        this.strategies = strategies;
        this.threads = threads;
    }

    /** A search on one worker thread per available processor. */
    public Search(Supplier<? extends Executor> executors, Supplier<? extends SearchStrategy> strategies) {
        this(executors, strategies, Runtime.getRuntime().availableProcessors());
    }

    /** The seed of schedule {@code index} for base seed {@code base}. */
    public static long seedOf(long base, long index) {
        return SplitMix64.mix(base, index);
    }

    public SearchResult run(long baseSeed, long schedules) {
        return run(baseSeed, schedules, Pct.DEFAULT_DECISIONS, Progress.NONE);
    }

    /**
     * Runs up to {@code schedules} schedules and stops at the first failure.
     *
     * @param initialDecisions the decision estimate before any schedule has finished
     * @throws SearchCrash when an execution throws (the one with the lowest index, as for failures)
     */
    public SearchResult run(long baseSeed, long schedules, int initialDecisions, Progress progress) {
        return run(baseSeed, 0, schedules, initialDecisions, progress);
    }

    /**
     * Runs schedules {@code first} to {@code first + schedules - 1} of the base seed's sequence (a
     * shard of a larger search): schedule i still has seed {@link #seedOf}(base, i), so a random walk
     * split into shards runs exactly the schedules of the whole. Indices in the result (the failing
     * schedule's, the count) are relative to {@code first}. PCT's decision estimate starts afresh at
     * {@code first}.
     */
    public SearchResult run(long baseSeed, long first, long schedules, int initialDecisions, Progress progress) {
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative: " + first);
        }
        if (schedules < 1) {
            throw new IllegalArgumentException("schedules must be positive: " + schedules);
        }
        long start = System.nanoTime();
        SearchEpoch shared = new SearchEpoch(baseSeed, first, Math.min(schedules, MAX_EPOCH));
        List<SearchWorker> workers = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(new SearchWorker(shared, executors.get(), strategies.get()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread th = new Thread(r, "gcsim-search");
            th.setDaemon(true);
            return th;
        });
        long cut = 0;
        int maxActors = 0;
        int maxDecisions = 0;
        int maxSteps = 0;
        long gcRan = 0;
        long gcDuringClientOps = 0;
        long deletedSomething = 0;
        try {
            long lo = 0;
            while (lo < schedules) {
                long hi = Math.min(schedules, lo + Math.max(1, Math.min(lo, MAX_EPOCH)));
                shared.begin(lo, hi, Math.max(initialDecisions, maxSteps));
                List<Future<?>> futures = new ArrayList<>(threads);
                for (SearchWorker w : workers) {
                    futures.add(pool.submit(w));
                }
                for (Future<?> f : futures) {
                    await(f, shared, progress);
                }
                if (shared.crash != null) {
                    throw new SearchCrash(shared.stopAt, shared.eventSeed, shared.eventEstimate, shared.crash);
                }
                long end = Math.min(hi, shared.stopAt == NONE ? hi : shared.stopAt + 1);
                for (long j = lo; j < end; j++) {
                    int s = (int) (j - lo);
                    if (shared.cut[s]) {
                        cut++;
                    } else {
                        maxDecisions = Math.max(maxDecisions, shared.decisions[s]);
                        maxSteps = Math.max(maxSteps, shared.steps[s]);
                    }
                    maxActors = Math.max(maxActors, shared.actors[s]);
                    int c = shared.coverage[s];
                    gcRan += c & SearchEpoch.GC_RAN;
                    gcDuringClientOps += (c & SearchEpoch.GC_DURING_CLIENT_OPS) >> 1;
                    deletedSomething += (c & SearchEpoch.DELETED) >> 2;
                }
                if (shared.stopAt != NONE) {
                    break;
                }
                lo = hi;
            }
        } finally {
            pool.shutdownNow();
        }
        long elapsedNanos = Math.max(1, System.nanoTime() - start);
        SearchResult.Failing failing = null;
        long run = schedules;
        if (shared.stopAt != NONE) {
            run = shared.stopAt + 1;
            failing = new SearchResult.Failing(shared.stopAt, shared.eventSeed, shared.eventEstimate, shared.failure);
        }
        double perSecond = run * 1e9 / elapsedNanos;
        return new SearchResult(run, cut, failing, elapsedNanos / 1_000_000, perSecond, maxActors, maxDecisions, maxSteps,
                new SearchResult.Coverage(gcRan, gcDuringClientOps, deletedSomething));
    }

    private static void await(Future<?> f, SearchEpoch shared, Progress progress) {
        while (true) {
            try {
                f.get(PROGRESS_POLL_MS, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                progress.update(shared.done.sum());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("search interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("search worker failed", e.getCause());
            }
        }
    }
}

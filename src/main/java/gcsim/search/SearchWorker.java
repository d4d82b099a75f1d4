package gcsim.search;

import gcsim.check.Executor;
import gcsim.check.RunResult;

/** One worker thread's executor and strategy; runs chunks of the current epoch until none are left. */
final class SearchWorker implements Runnable {
    private static final int CHUNK = 8;

    private final SearchEpoch shared;
    private final Executor executor;
    private final SearchStrategy strategy;

    SearchWorker(SearchEpoch shared, Executor executor, SearchStrategy strategy) {
        this.shared = shared;
        this.executor = executor;
        this.strategy = strategy;
    }

    @Override
    public void run() {
        SearchEpoch s = shared;
        long lo = s.lo;
        long hi = s.hi;
        int estimate = s.estimate;
        while (true) {
            long a = s.next.getAndAdd(CHUNK);
            if (a >= hi || a > s.stopAt) {
                return;
            }
            long b = Math.min(a + CHUNK, hi);
            for (long j = a; j < b; j++) {
                if (j > s.stopAt) {
                    return;
                }
                long seed = SplitMix64.mix(s.baseSeed, s.first + j);
                strategy.reseed(seed);
                strategy.expectDecisions(estimate);
                RunResult r;
                try {
                    r = executor.runForSearch(strategy);
                } catch (RuntimeException | Error e) {
                    s.event(j, seed, null, e);
                    return;
                }
                int slot = (int) (j - lo);
                s.decisions[slot] = strategy.lastDecisions();
                s.steps[slot] = r.outcome().steps();
                s.actors[slot] = strategy.lastActors();
                s.cut[slot] = r.cut();
                s.coverage[slot] = SearchEpoch.coverageBits(r.coverage());
                s.done.increment();
                if (r.failed()) {
                    s.event(j, seed, r, null);
                    return;
                }
            }
        }
    }
}

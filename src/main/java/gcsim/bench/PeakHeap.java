package gcsim.bench;

import gcsim.check.Executor;
import gcsim.search.Pct;
import gcsim.search.Search;
import gcsim.search.SearchResult;
import gcsim.search.StrategyKind;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.function.Supplier;

/**
 * The most heap a long search needs: the search promises to allocate nothing per schedule that
 * outlives it, so its peak should not grow with the number of schedules. Measured as the sum of the
 * heap pools' peak use (an upper bound on the true peak, since pools peak at different moments)
 * over a search that finds nothing, after a full collection and a reset of the peaks.
 */
final class PeakHeap {
    /**
     * @param schedules schedules the search ran
     * @param peakBytes summed peak use of the heap pools during it
     * @param maxHeapBytes the heap's limit (-Xmx), for scale
     * @param wallMillis how long it took
     */
    record Run(long schedules, long peakBytes, long maxHeapBytes, long wallMillis) {}

    private PeakHeap() {}

    static Run measure(Supplier<Executor> executors, long schedules, int threads) {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
        long start = System.nanoTime();
        SearchResult r = new Search(executors, () -> StrategyKind.RANDOM.create(0, 3), threads)
                .run(1, 0, schedules, Pct.DEFAULT_DECISIONS, Search.Progress.NONE);
        long wall = (System.nanoTime() - start) / 1_000_000;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return new Run(r.schedules(), peak, Runtime.getRuntime().maxMemory(), wall);
    }
}

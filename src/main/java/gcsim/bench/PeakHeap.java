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
 * over a search that finds nothing, after a full collection and a reset of the peaks. That sum
 * mostly says how large the collector let the young generation grow (the parallel collector lets
 * it fill gigabytes of garbage between collections), so the old generation's peak is given apart:
 * it is what would grow if schedules left objects behind.
 */
final class PeakHeap {
    /**
     * @param schedules schedules the search ran
     * @param peakBytes summed peak use of the heap pools during it
     * @param oldPeakBytes peak use of the old (tenured) generation's pools during it
     * @param maxHeapBytes the heap's limit (-Xmx), for scale
     * @param wallMillis how long it took
     */
    record Run(long schedules, long peakBytes, long oldPeakBytes, long maxHeapBytes, long wallMillis) {}

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
        long old = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                long used = pool.getPeakUsage().getUsed();
                peak += used;
                if (pool.getName().contains("Old") || pool.getName().contains("Tenured")) {
                    old += used;
                }
            }
        }
        return new Run(r.schedules(), peak, old, Runtime.getRuntime().maxMemory(), wall);
    }
}

package gcsim.bench;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.search.Pct;
import gcsim.search.Search;
import gcsim.search.SearchStrategy;
import gcsim.search.StrategyKind;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * Runs schedules of one workload as a search's worker threads do (each thread with its own executor
 * and strategy, schedule i seeded with {@link Search#seedOf}), until each thread has used a given
 * amount of CPU time, and counts executions and steps. Failures do not stop it: it measures the
 * cost of an execution, not the search for one.
 */
final class Throughput {
    /** Executions between two reads of the thread's CPU clock: the read costs about a microsecond. */
    private static final int CHECK_EVERY = 32;

    /**
     * What some threads did in one measured run.
     *
     * @param executions executions finished, all threads together
     * @param steps kernel steps in them
     * @param cpuNanos CPU time of the threads, summed
     * @param wallNanos wall time from the common start to the last thread's end
     * @param allocatedBytes bytes the threads allocated, or -1 where the JVM does not count them
     */
    record Run(long executions, long steps, long cpuNanos, long wallNanos, long allocatedBytes) {
        double perCpuSecond() {
            return executions * 1e9 / Math.max(1, cpuNanos);
        }

        double perWallSecond() {
            return executions * 1e9 / Math.max(1, wallNanos);
        }

        double nanosPerStep() {
            return (double) cpuNanos / Math.max(1, steps);
        }

        /** Bytes allocated per step, or NaN where they were not counted. */
        double bytesPerStep() {
            return allocatedBytes < 0 ? Double.NaN : (double) allocatedBytes / Math.max(1, steps);
        }
    }

    private final Supplier<Executor> executors;
    private final StrategyKind kind;

    Throughput(Supplier<Executor> executors, StrategyKind kind) {
        this.executors = executors;
        this.kind = kind;
    }

    /** Runs {@code threads} threads, each until it has used {@code cpuNanosEach} of CPU time. */
    Run run(int threads, long cpuNanosEach, long baseSeed) throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        long[][] counts = new long[threads][4];
        Throwable[] thrown = new Throwable[threads];
        List<Thread> all = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
            int me = t;
            Executor executor = executors.get();
            SearchStrategy strategy = kind.create(baseSeed, 3);
            Thread th = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                    counts[me] = loop(executor, strategy, baseSeed, me, threads, cpuNanosEach);
                } catch (Throwable e) {
                    thrown[me] = e;
                }
            }, "gcsim-bench-" + t);
            th.setDaemon(true);
            all.add(th);
            th.start();
        }
        ready.await();
        long start = System.nanoTime();
        go.countDown();
        for (Thread th : all) {
            th.join();
        }
        long wall = System.nanoTime() - start;
        long executions = 0;
        long steps = 0;
        long cpu = 0;
        long bytes = 0;
        for (int t = 0; t < threads; t++) {
            if (thrown[t] != null) {
                throw new IllegalStateException("a benchmark thread failed: " + thrown[t], thrown[t]);
            }
            executions += counts[t][0];
            steps += counts[t][1];
            cpu += counts[t][2];
            bytes = bytes < 0 || counts[t][3] < 0 ? -1 : bytes + counts[t][3];
        }
        return new Run(executions, steps, cpu, wall, bytes);
    }

    /**
     * One thread's share: schedules me, me + stride, … until its CPU budget is spent; {executions,
     * steps, cpu, allocated bytes (-1 when not counted)}.
     */
    private static long[] loop(Executor executor, SearchStrategy strategy, long baseSeed, int me, int stride,
                               long cpuBudget) {
        long begin = Cpu.threadNanos();
        long allocatedBefore = Cpu.threadAllocatedBytes();
        long executions = 0;
        long steps = 0;
        long index = me;
        long used = 0;
        while (used < cpuBudget) {
            for (int k = 0; k < CHECK_EVERY; k++) {
                strategy.reseed(Search.seedOf(baseSeed, index));
                strategy.expectDecisions(Pct.DEFAULT_DECISIONS);
                RunResult r = executor.runForSearch(strategy);
                steps += r.outcome().steps();
                executions++;
                index += stride;
            }
            used = Cpu.threadNanos() - begin;
        }
        long allocated = allocatedBefore < 0 ? -1 : Cpu.threadAllocatedBytes() - allocatedBefore;
        return new long[] {executions, steps, used, allocated};
    }
}

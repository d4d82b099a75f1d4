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

        /** This run and {@code o} together, as if one run had done both. */
        Run plus(Run o) {
            long bytes = allocatedBytes < 0 || o.allocatedBytes < 0 ? -1 : allocatedBytes + o.allocatedBytes;
            return new Run(executions + o.executions, steps + o.steps, cpuNanos + o.cpuNanos, wallNanos + o.wallNanos,
                    bytes);
        }
    }

    /** The CPU time of one slice at least, so that starting a slice's thread stays negligible beside it. */
    private static final long MIN_SLICE_NANOS = 100_000_000L;
    /** At most this many slices per workload. */
    private static final int MAX_SLICES = 10;

    /**
     * Measures on one thread several workloads whose figures are compared with one another (2 against
     * 8 evaluations): each runs in turn for a slice of its CPU budget, round after round, and each
     * workload's slices are summed. Why: this machine is shared and its speed drifts by 15 % within
     * seconds; a ratio of two runs made one after the other carries that drift, while slices taken in
     * turn share it. Slice {@code s} of every workload runs the schedules of seed
     * {@code baseSeed * 1000 + s}.
     *
     * @param cpuNanosEach each workload's CPU budget, over all its slices
     * @return one summed run per workload, in the given order
     */
    static Run[] interleaved(List<Throughput> workloads, long cpuNanosEach, long baseSeed) throws InterruptedException {
        int slices = (int) Math.max(1, Math.min(MAX_SLICES, cpuNanosEach / MIN_SLICE_NANOS));
        long slice = cpuNanosEach / slices;
        Run[] sums = new Run[workloads.size()];
        for (int s = 0; s < slices; s++) {
            for (int i = 0; i < sums.length; i++) {
                Run r = workloads.get(i).run(1, slice, baseSeed * 1000 + s);
                sums[i] = sums[i] == null ? r : sums[i].plus(r);
            }
        }
        return sums;
    }

    private final Supplier<Executor> executors;
    private final StrategyKind kind;
    /** Every execution follows the base seed's first schedule instead of the next one. */
    private final boolean oneSchedule;

    Throughput(Supplier<Executor> executors, StrategyKind kind) {
        this(executors, kind, false);
    }

    private Throughput(Supplier<Executor> executors, StrategyKind kind, boolean oneSchedule) {
        this.executors = executors;
        this.kind = kind;
        this.oneSchedule = oneSchedule;
    }

    /**
     * The same workload as one schedule over and over: every execution follows the base seed's first
     * schedule. Each execution is a real one of the workload, run and judged as a search's are, but
     * what comes next is no surprise to the processor (its branch and call-target predictors learn
     * the one execution), so the cost of a step shows what the code itself costs, apart from what
     * unpredictable schedules add.
     */
    static Throughput oneSchedule(Supplier<Executor> executors, StrategyKind kind) {
        return new Throughput(executors, kind, true);
    }

    /** At most this many warm-up rehearsals, however long the heap keeps growing. */
    static final int MAX_REHEARSALS = 6;

    /**
     * Warms this workload up, unmeasured: rehearses a measured run's sequence (one thread, then
     * {@code threads} threads, then one thread, each with new executors, in thirds of
     * {@code cpuNanos}), and again while the heap grew during the last rehearsal, up to
     * {@link #MAX_REHEARSALS}. Why a rehearsal rather than one long run: a search's first executions
     * on a new executor and a new thread take paths (empty reuse buffers, a worker loop entered anew)
     * whose first use recompiles code; a single warm-up run left that to the first measured run.
     * Why until the heap stops growing: the young generation grows over the first seconds, and the
     * page faults of its new memory count as the allocating thread's CPU time, which made the first
     * measured run of the first workload a fifth to a third slower than the others.
     *
     * @return the rehearsals run
     */
    int warmUp(int threads, long cpuNanos) throws InterruptedException {
        int rehearsals = 0;
        long before;
        do {
            before = Cpu.heapCommittedBytes();
            run(1, cpuNanos / 3, 7);
            run(threads, cpuNanos / 3, 8);
            run(1, cpuNanos - 2 * (cpuNanos / 3), 9);
            rehearsals++;
        } while (Cpu.heapCommittedBytes() > before && rehearsals < MAX_REHEARSALS);
        return rehearsals;
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
                    counts[me] = loop(executor, strategy, baseSeed, me, threads, cpuNanosEach, oneSchedule);
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
     * One thread's share: schedules me, me + stride, … (or schedule 0 each time, when {@code same})
     * until its CPU budget is spent; {executions, steps, cpu, allocated bytes (-1 when not counted)}.
     */
    private static long[] loop(Executor executor, SearchStrategy strategy, long baseSeed, int me, int stride,
                               long cpuBudget, boolean same) {
        long begin = Cpu.threadNanos();
        long allocatedBefore = Cpu.threadAllocatedBytes();
        long executions = 0;
        long steps = 0;
        long index = me;
        long used = 0;
        while (used < cpuBudget) {
            for (int k = 0; k < CHECK_EVERY; k++) {
                strategy.reseed(Search.seedOf(baseSeed, same ? 0 : index));
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

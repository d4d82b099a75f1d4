package gcsim.search;

import gcsim.check.RunResult;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** State shared by the workers of one search; slots are indexed by schedule index minus the epoch start. */
final class SearchEpoch {
    static final long NONE = Long.MAX_VALUE;
    /** Coverage bits per schedule, summed like the cut count: only schedules up to the reported one count. */
    static final byte GC_RAN = 1;
    static final byte GC_DURING_CLIENT_OPS = 2;
    static final byte DELETED = 4;

    final long baseSeed;
    final long first;
    final int[] decisions;
    final int[] steps;
    final int[] actors;
    final boolean[] cut;
    final byte[] coverage;
    final AtomicLong next = new AtomicLong();
    final LongAdder done = new LongAdder();
    volatile long lo;
    volatile long hi;
    volatile int estimate;
    /** The lowest index known to have failed or crashed, or NONE. Only ever decreases. */
    volatile long stopAt = NONE;
    long eventSeed;
    int eventEstimate;
    RunResult failure;
    Throwable crash;

    SearchEpoch(long baseSeed, long first, long slots) {
        this.baseSeed = baseSeed;
        this.first = first;
        this.decisions = new int[(int) slots];
        this.steps = new int[(int) slots];
        this.actors = new int[(int) slots];
        this.cut = new boolean[(int) slots];
        this.coverage = new byte[(int) slots];
    }

    void begin(long lo, long hi, int estimate) {
        this.lo = lo;
        this.hi = hi;
        this.estimate = estimate;
        next.set(lo);
    }

    synchronized void event(long index, long seed, RunResult result, Throwable thrown) {
        if (index < stopAt) {
            eventSeed = seed;
            eventEstimate = estimate;
            failure = result;
            crash = thrown;
            stopAt = index;
        }
    }

    static byte coverageBits(RunResult.Coverage c) {
        if (c == null) {
            return 0;
        }
        return (byte) ((c.gcRuns() > 0 ? GC_RAN : 0) | (c.gcDuringClientOps() > 0 ? GC_DURING_CLIENT_OPS : 0)
                | (c.pathsDeleted() > 0 ? DELETED : 0));
    }
}

package gcsim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the calling thread, from {@link ThreadMXBean}. The benchmark divides work by CPU time
 * rather than wall time because the machine it runs on is shared: another process taking a core
 * stretches wall time but not the CPU time this thread was given.
 */
final class Cpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Cpu() {}

    /** Whether this JVM measures per-thread CPU time at all; without it the figures would be wall time. */
    static boolean supported() {
        return THREADS.isCurrentThreadCpuTimeSupported();
    }

    /** The calling thread's CPU time in nanoseconds (user and system). */
    static long threadNanos() {
        if (!THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
        return THREADS.getCurrentThreadCpuTime();
    }

    /**
     * Bytes the calling thread has allocated so far, or -1 where the JVM does not count them (the
     * count is HotSpot's, through {@code com.sun.management}). Unlike CPU time it does not depend
     * on what else the machine runs, so it shows a change of the hot path that noise would hide.
     */
    static long threadAllocatedBytes() {
        if (THREADS instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()) {
            if (!hotspot.isThreadAllocatedMemoryEnabled()) {
                hotspot.setThreadAllocatedMemoryEnabled(true);
            }
            return hotspot.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    /**
     * Bytes of heap the JVM has committed (all pools). The parallel collector grows its young
     * generation over a program's first seconds, and the first touch of each new page is a page
     * fault whose zeroing counts as the allocating thread's system time: while this grows, a thread's
     * CPU time per execution is not yet the steady state's.
     */
    static long heapCommittedBytes() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted();
    }

    /** The machine's one-minute load average, or -1 where the platform does not say. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

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

    /** The machine's one-minute load average, or -1 where the platform does not say. */
    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}

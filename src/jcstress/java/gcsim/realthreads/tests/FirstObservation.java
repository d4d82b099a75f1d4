package gcsim.realthreads.tests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records, once per test VM, when the seed race was first observed, for the benchmark that sets
 * jcstress's time to a first observation beside gcsim's. The driver passes the wall-clock time at
 * which jcstress started ({@code gcsim.jcstress.start}, epoch milliseconds: the driver and this
 * forked VM are different processes, so only the wall clock is shared) and a file to write
 * ({@code gcsim.jcstress.firstSeen}); without them nothing is recorded.
 */
final class FirstObservation {
    private static final AtomicBoolean SEEN = new AtomicBoolean();

    private FirstObservation() {}

    static void seen() {
        String file = System.getProperty("gcsim.jcstress.firstSeen");
        String start = System.getProperty("gcsim.jcstress.start");
        if (file == null || start == null || !SEEN.compareAndSet(false, true)) {
            return;
        }
        long wallMs = System.currentTimeMillis() - Long.parseLong(start);
        long cpuNs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long vmUptimeMs = ManagementFactory.getRuntimeMXBean().getUptime();
        String line = "wallMs=" + wallMs + " forkCpuMs=" + cpuNs / 1_000_000 + " forkUptimeMs=" + vmUptimeMs + "\n";
        try {
            Files.writeString(Path.of(file), line, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file, e);
        }
    }
}

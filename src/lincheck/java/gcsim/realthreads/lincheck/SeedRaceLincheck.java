package gcsim.realthreads.lincheck;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jetbrains.lincheck.Lincheck;

/**
 * The seed race under Lincheck's model checking, for {@code gcsim bench --peers}: X's worker exiting
 * and Y's evaluation run on two threads whose interleavings Lincheck explores, over {@link SeedRace},
 * the real-thread implementation's protocol transcribed into the primitives Lincheck schedules
 * ({@link Machine} says why it is not the implementation itself); the check fails once registering
 * dependent.drv fails with "not valid". Writes when that first happened, from this VM's start, to
 * the file given as the only argument: {@code {"found": true, "wallMs": …, "cpuMs": …}} (uptime and
 * process CPU time, both including the VM's start and Lincheck's instrumentation). Exit 0 either
 * way, so the bench can report a miss.
 */
public final class SeedRaceLincheck {
    /** Lincheck's invocations before it gives up; it stops at the first failing one. */
    private static final int INVOCATIONS = 100_000;

    private SeedRaceLincheck() {}

    public static void main(String[] args) throws Exception {
        boolean found = false;
        String error = "";
        try {
            Lincheck.runConcurrentTest(INVOCATIONS, () -> {
                try {
                    SeedRace s = new SeedRace();
                    Thread x = new Thread(s::xWorkerExits);
                    Thread y = new Thread(() -> {
                        try {
                            s.yEvaluates();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    x.start();
                    y.start();
                    x.join();
                    y.join();
                    if (s.registrationFailed()) {
                        throw new AssertionError("registering dependent.drv failed: path '…-hosts.drv' is not valid");
                    }
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (Throwable t) {
            found = String.valueOf(t).contains("is not valid");
            error = found ? "" : (t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(""));
        }
        long wallMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        String json = "{\"found\": " + found + ", \"wallMs\": " + wallMs + ", \"cpuMs\": " + cpuMs + ", \"error\": \""
                + error.replace("\\", "\\\\").replace("\"", "'") + "\"}\n";
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, json, StandardCharsets.UTF_8);
        System.out.print(json);
        System.exit(0); // Lincheck may leave threads behind
    }
}

package gcsim.realthreads.fray;

import gcsim.realthreads.HostsDrv;
import gcsim.realthreads.Variant;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.pastalab.fray.core.command.Configuration;
import org.pastalab.fray.core.observers.TimelineCoverageType;
import org.pastalab.fray.core.randomness.ControlledRandomProvider;
import org.pastalab.fray.core.scheduler.POSScheduler;
import org.pastalab.fray.junit.plain.FrayInTestLauncher;

/**
 * The seed race under Fray, for {@code gcsim bench --peers}: the real-thread implementation itself
 * ({@link HostsDrv} under early-return, as the jcstress seed preset runs it), X's worker exiting on
 * one thread while Y's evaluation writes hosts.drv and dependent.drv on another, each iteration on
 * a fresh {@code HostsDrv}, with Fray choosing every interleaving (its POS scheduler, which its
 * own in-test launcher uses by default). An iteration fails once registering dependent.drv fails
 * with "not valid", and Fray stops at the first failing one.
 *
 * <p>Runs only in the instrumented JDK that {@link FrayLauncher} builds, which starts it with Fray's
 * agents. Writes, to the file given as the only argument, when the race was first seen, from this
 * VM's start (uptime and process CPU time, both including the VM's start and Fray's instrumentation
 * of the program's classes, as Lincheck's figure does) and at which iteration: {@code {"ran": true,
 * "found": …, "iteration": …, "iterations": …, "wallMs": …, "cpuMs": …, "error": "…"}}. Exit 0
 * either way, so the bench can report a miss.
 */
public final class SeedRaceFray {
    /** Fray's iterations before it gives up; it stops at the first failing one. */
    static final int ITERATIONS = 100_000;
    /** Fray's own limit on the whole exploration, in seconds. */
    private static final int TIMEOUT_SECONDS = 600;
    static final String NOT_VALID = "is not valid";

    private SeedRaceFray() {}

    public static void main(String[] args) throws Exception {
        AtomicReference<Configuration> config = new AtomicReference<>();
        boolean found = false;
        boolean stopped = false;
        String error = "";
        PrintStream out = System.out;
        // Fray redraws a progress screen on standard output at every power of ten; keep it out of the log
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            FrayInTestLauncher.INSTANCE.launchFray(SeedRaceFray::iteration, new POSScheduler(),
                    new ControlledRandomProvider(), ITERATIONS, TIMEOUT_SECONDS, false,
                    TimelineCoverageType.NONE, c -> {
                        config.set(c);
                        return kotlin.Unit.INSTANCE;
                    });
        } catch (Throwable t) {
            stopped = true;
            found = String.valueOf(t).contains(NOT_VALID);
            error = found ? "" : (t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).lines()
                    .map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse(""));
        } finally {
            System.setOut(out);
        }
        long wallMs = ManagementFactory.getRuntimeMXBean().getUptime();
        long cpuMs = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1_000_000;
        // Fray counts iterations from 0 and stops on a failing one without counting it
        int current = config.get() == null ? 0 : config.get().getCurrentIteration();
        int iterations = stopped ? current + 1 : current;
        String json = "{\"ran\": true, \"found\": " + found + ", \"iteration\": " + (found ? iterations : -1)
                + ", \"iterations\": " + iterations + ", \"wallMs\": " + wallMs + ", \"cpuMs\": " + cpuMs
                + ", \"error\": \"" + error.replace("\\", "\\\\").replace("\"", "'") + "\"}\n";
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, json, StandardCharsets.UTF_8);
        System.out.print(json);
        System.exit(0); // the implementation's pool threads may outlive the exploration
    }

    /** One interleaving: a fresh seed race, both actors on threads of their own, then the check. */
    private static void iteration() {
        HostsDrv s = new HostsDrv(Variant.EARLY_RETURN);
        Thread x = new Thread(s::xWorkerExits, "x-worker");
        Thread y = new Thread(s::yEvaluates, "y-evaluation");
        x.start();
        y.start();
        try {
            x.join();
            y.join();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        if (s.registrationFailed()) {
            throw new AssertionError("registering dependent.drv failed: path '…-hosts.drv' " + NOT_VALID);
        }
    }
}

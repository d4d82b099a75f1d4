package gcsim.cli;

import gcsim.check.Executor;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.variant.Variant;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A child JVM's entry point for the kill-after-a-failure test: runs gcsim on the standard project at
 * {@code args[0]}, except that a traced run never ends: it creates the file {@code args[1]} and waits. {@code search} traces only the retrace of a
 * failure it has found, which comes after the failure is saved, so the child is certain to be alive
 * between "found and saved" and "printed": the moment the test kills it, without a race against a
 * search that would otherwise finish a few milliseconds after the save. SIGINT and SIGTERM are
 * handled as by {@link Main#main}.
 */
final class StallTheStory {
    private StallTheStory() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Interrupts.install(System.err);
        Project stalling = new Stalling(Project.standard(Path.of(args[0])), Path.of(args[1]));
        int code = Main.run(Arrays.copyOfRange(args, 2, args.length), out, System.err, stalling);
        System.exit(code);
    }

    /** The standard project with traced runs that say so in {@code marker} and wait until the process is killed. */
    private record Stalling(Project real, Path marker) implements Project {
        @Override
        public Path home() {
            return real.home();
        }

        @Override
        public Scenario loadScenario(Path file) throws ScenarioException {
            return real.loadScenario(file);
        }

        @Override
        public List<Variant> loadVariants(Path file) throws ScenarioException {
            return real.loadVariants(file);
        }

        @Override
        public Executor executor(Scenario scenario, Variant variant, int maxSteps, int starvationBound) {
            Executor e = real.executor(scenario, variant, maxSteps, starvationBound);
            return (strategy, trace) -> {
                if (trace) {
                    try {
                        Files.createFile(marker);
                        new CountDownLatch(1).await(); // until the test kills the process
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                    }
                }
                return e.run(strategy, trace);
            };
        }
    }
}

package gcsim.cli;

import gcsim.check.Executor;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.variant.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A project that creates {@code marker} when its first execution runs, so a test knows a search is under way. */
record MarkFirstRun(Project real, Path marker) implements Project {
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
            synchronized (MarkFirstRun.class) {
                if (!Files.exists(marker)) {
                    try {
                        Files.createFile(marker);
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                }
            }
            return e.run(strategy, trace);
        };
    }
}

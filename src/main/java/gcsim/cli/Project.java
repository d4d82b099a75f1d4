package gcsim.cli;

import gcsim.check.Executor;
import gcsim.compare.ExecutorSource;
import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the CLI finds scenarios and variants, and how it builds an execution. The standard project
 * reads {@code <home>/scenarios} and runs the Nix model; tests put toy systems behind the same
 * interface, so every command-line behaviour can be checked without the model.
 */
public interface Project extends ExecutorSource {
    /** The project root: {@code -Dgcsim.home} as the launcher passes it, else the current directory. */
    Path home();

    default Path scenariosDir() {
        return home().resolve("scenarios");
    }

    default Path variantsFile() {
        return scenariosDir().resolve("variants.yaml");
    }

    Scenario loadScenario(Path file) throws ScenarioException;

    List<Variant> loadVariants(Path file) throws ScenarioException;

    /** The Nix model on the scenarios under {@code home}. */
    static Project standard(Path home) {
        return new Standard(home);
    }

    /** The standard project at {@code -Dgcsim.home}, or at the current directory when it is not set. */
    static Project fromSystem() {
        String home = System.getProperty("gcsim.home");
        Path root = home == null || home.isEmpty() ? Path.of("") : Path.of(home);
        return standard(root.toAbsolutePath().normalize());
    }

    /** The real thing: YAML loaders and {@link Runner}. */
    record Standard(Path home) implements Project {
        @Override
        public Scenario loadScenario(Path file) throws ScenarioException {
            return ScenarioLoader.load(file);
        }

        @Override
        public List<Variant> loadVariants(Path file) throws ScenarioException {
            return VariantLoader.load(file);
        }

        @Override
        public Executor executor(Scenario scenario, Variant variant, int maxSteps, int starvationBound) {
            return new Runner(scenario, variant, maxSteps, starvationBound);
        }
    }
}

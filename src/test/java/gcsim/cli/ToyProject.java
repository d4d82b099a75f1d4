package gcsim.cli;

import gcsim.check.Executor;
import gcsim.scenario.Pos;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.search.Toys;
import gcsim.variant.Switches;
import gcsim.variant.Variant;
import gcsim.variant.WriteDerivationMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A project whose scenarios are toy systems, so the command line can be tested end to end without
 * the Nix model: {@code claim} (a check-then-act race), {@code window} (a depth-2 bug) and
 * {@code broken} (a scenario file with an error). Variant {@code unlocked} has the claim race,
 * {@code locked} does not, {@code crashing} makes every execution throw.
 */
record ToyProject(Path home) implements Project {

    static ToyProject create(Path dir) {
        try {
            Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
            Files.writeString(scenarios.resolve("claim.yaml"), "Two actors claim one slot.\nSecond line.\n");
            Files.writeString(scenarios.resolve("window.yaml"), "A reader hits a one-step window.\n");
            Files.writeString(scenarios.resolve("broken.yaml"), "bad\n");
            Files.writeString(scenarios.resolve("variants.yaml"), "toy\n");
            Files.writeString(scenarios.resolve("notes.txt"), "not a scenario\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ToyProject(dir);
    }

    @Override
    public Scenario loadScenario(Path file) throws ScenarioException {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("bad")) {
            throw new ScenarioException(new Pos(file.toString(), 3, 5), "unknown key 'proceses' (accepted: name, description, processes)");
        }
        String name = file.getFileName().toString().replace(".yaml", "");
        return new Scenario(name, text, file.toString(), List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    @Override
    public List<Variant> loadVariants(Path file) {
        return List.of(
                new Variant("unlocked", "only one actor takes the lock", Switches.baseline()),
                new Variant("locked", "both actors take the lock", new Switches(WriteDerivationMode.ROOT_DRV, true, false)),
                new Variant("crashing", "every execution throws", Switches.baseline()));
    }

    /** The toys set no timers, so a starvation bound would change nothing: it is not passed on. */
    @Override
    public Executor executor(Scenario scenario, Variant variant, int maxSteps, int starvationBound) {
        if (variant.id().equals("crashing")) {
            return (strategy, trace) -> {
                throw new IllegalStateException("toy model bug");
            };
        }
        if (scenario.name().equals("window")) {
            return Toys.window(50);
        }
        return Toys.claimRace(30, variant.id().equals("locked"), maxSteps);
    }
}

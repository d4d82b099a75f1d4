package gcsim.model;

import static gcsim.model.ScenarioBuilder.at;
import static gcsim.model.ScenarioBuilder.build;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.TraceEvent;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two builds of one derivation at once (§2.3, {@link OutputLocks}): the output-path locks let one
 * builder run; the other waits for the lock, then finds the outputs valid and builds nothing, or
 * finds them valid at its first look. Through the daemon (two workers) and in one local store's two
 * processes alike.
 */
class OutputLocksTest {
    private static final int SEEDS = 600;

    private static Variant variant(String id) throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow();
    }

    private static Scenario twoBuildsOfOneDrv(boolean daemon) {
        return new ScenarioBuilder()
                .source("builder.sh", 1L << 10, true)
                .gcroot("builder", "builder.sh")
                .drv("app.drv", List.of(), List.of("builder.sh"), "app", true)
                .gcroot("app-drv", "app.drv")
                .process("B1", daemon, at(0), build("app.drv"))
                .process("B2", daemon, at(0), build("app.drv"))
                .build();
    }

    private static long count(RunResult r, String text) {
        return r.trace().stream().map(TraceEvent::text).filter(t -> t.contains(text)).count();
    }

    @ParameterizedTest(name = "through the daemon: {0}")
    @ValueSource(booleans = {true, false})
    void onlyOneOfTwoConcurrentBuildsOfADerivationRunsTheBuilder(boolean daemon) throws ScenarioException {
        Runner runner = new Runner(twoBuildsOfOneDrv(daemon), variant("nix-master"), 100_000);
        int waited = 0;
        int beaten = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = runner.run(new Seeds(seed), true);
            assertThat(r.failed()).as("seed %d", seed).isFalse();
            assertThat(count(r, "builds app.drv and registers its outputs")).as("builders run (seed %d)", seed).isEqualTo(1);
            waited += count(r, "waiting for lock on app.lock") > 0 ? 1 : 0;
            beaten += count(r, "someone beat us to it") > 0 ? 1 : 0;
        }
        assertThat(waited).as("runs where one build waited for the other's lock").isPositive();
        assertThat(beaten).as("runs where a build found the outputs made by the other once it held the locks")
                .isPositive();
    }
}

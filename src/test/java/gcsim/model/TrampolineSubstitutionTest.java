package gcsim.model;

import static gcsim.model.ScenarioBuilder.at;
import static gcsim.model.ScenarioBuilder.build;
import static gcsim.model.ScenarioBuilder.write;
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
 * A build of a drv that is not valid when the trampoline goal looks (§2.3 step 2): Nix does not fail
 * at once but awaits a substitution goal, which temp-roots the drv and looks again. A drv that
 * another process registered in between is built; one still missing fails with "failed to obtain
 * derivation". Both outcomes are reachable when a writer and a builder race, in every model.
 */
class TrampolineSubstitutionTest {
    private static final int SEEDS = 600;

    private static Variant variant(String id) throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals(id)).findFirst()
                .orElseThrow();
    }

    /** W writes app.drv while B, through its own daemon worker, builds it: no collector runs. */
    private static Scenario writerAndBuilderRace() {
        return new ScenarioBuilder()
                .source("builder.sh", 1L << 10, true)
                .gcroot("builder", "builder.sh")
                .drv("app.drv", List.of(), List.of("builder.sh"), "app", false)
                .process("W", true, at(0), write("app.drv"))
                .process("B", true, at(0), build("app.drv"))
                .build();
    }

    private static boolean has(RunResult r, String actorPrefix, String text) {
        for (TraceEvent e : r.trace()) {
            if (e.actor().startsWith(actorPrefix) && e.text().contains(text)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"early-return", "nix-2.8", "nix-master"})
    void aDrvRegisteredBetweenTheTrampolinesCheckAndTheSubstitutionGoalsCheckIsBuilt(String id)
            throws ScenarioException {
        Runner runner = new Runner(writerAndBuilderRace(), variant(id), 100_000);
        int builtAfterALookAgain = 0;
        int missing = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunResult r = runner.run(new Seeds(seed), true);
            boolean lookedAgain = has(r, "worker", "is not valid: a substitution goal roots it and looks again");
            if (r.failed()) {
                assertThat(r.failure().kind()).as("seed %d", seed).isEqualTo("missing-derivation");
                assertThat(lookedAgain).as("a missing drv is looked at twice before the build fails (seed %d)", seed).isTrue();
                missing++;
            } else if (lookedAgain) {
                assertThat(has(r, "worker", "became valid meanwhile; the build goes on")).as("seed %d", seed).isTrue();
                assertThat(has(r, "worker", "builds app.drv and registers its outputs")).as("seed %d", seed).isTrue();
                builtAfterALookAgain++;
            }
        }
        assertThat(builtAfterALookAgain).as("builds saved by the substitution goal's second look").isPositive();
        assertThat(missing).as("builds that found the drv missing both times").isPositive();
    }
}

package gcsim.search;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.Runner;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DfsExhaustiveTest {

    @Test
    void theAdapterRunsTheDfsEngineAndVerifiesASmallRaceFreeSystem() {
        Exhaustive dfs = new DfsExhaustive(null);

        ExhaustiveResult r = dfs.explore(Toys.independent(2, 2), 10_000);

        assertThat(r.verdict()).isEqualTo(ExhaustiveResult.Verdict.VERIFIED);
        assertThat(r.complete()).isTrue();
        assertThat(r.failure()).isNull();
        assertThat(r.executions()).isPositive();
    }

    @Test
    void theAdapterReportsTheFirstFailureOfARacySystem() {
        Exhaustive dfs = new DfsExhaustive(null);

        ExhaustiveResult r = dfs.explore(Toys.claimRace(2, false, 1_000), 100_000);

        assertThat(r.verdict()).isEqualTo(ExhaustiveResult.Verdict.FAIL);
        assertThat(r.failure().failed()).isTrue();
        assertThat(r.failureIndex()).isBetween(0L, r.executions() - 1);
    }

    /**
     * compare wraps the executor in a {@link CoverageCounter}; the adapter unwraps it so the DFS can
     * resume from copies of the world, and must count exactly what the wrapper would have counted,
     * the replay of a failure for its trace included.
     */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({"gc, early-return", "hosts-drv, early-return", "perm-root-after-root-scan, nix-master"})
    void aCountedCellGivesTheSameResultAndCoverageAsWhenTheDfsCouldNotUnwrapTheCounter(String name, String variantId)
            throws Exception {
        Variant variant = VariantLoader.load(Path.of("scenarios/variants.yaml")).stream()
                .filter(v -> v.id().equals(variantId)).findFirst().orElseThrow();
        Runner runner = new Runner(ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml")), variant, 100_000, 3);
        Executor opaque = runner::run; // not copyable: the DFS replays every execution through the counter
        CoverageCounter unwrapped = new CoverageCounter(runner);
        CoverageCounter wrapped = new CoverageCounter(opaque);

        ExhaustiveResult a = new DfsExhaustive(null).explore(unwrapped, 2_000);
        ExhaustiveResult b = new DfsExhaustive(null).explore(wrapped, 2_000);

        assertThat(a.verdict()).isEqualTo(b.verdict());
        assertThat(a.executions()).isEqualTo(b.executions());
        assertThat(a.pruned()).isEqualTo(b.pruned());
        assertThat(a.terminalStates()).isEqualTo(b.terminalStates());
        assertThat(a.failureIndex()).isEqualTo(b.failureIndex());
        assertThat(a.engine()).isEqualTo(b.engine());
        assertThat(unwrapped.runs()).isEqualTo(wrapped.runs());
        assertThat(unwrapped.coverage()).isEqualTo(wrapped.coverage());
    }
}

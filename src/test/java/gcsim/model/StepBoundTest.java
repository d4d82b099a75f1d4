package gcsim.model;

import static gcsim.model.ScenarioBuilder.P;
import static gcsim.model.ScenarioBuilder.at;
import static gcsim.model.ScenarioBuilder.use;
import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.scenario.Op;
import gcsim.scenario.Scenario;
import gcsim.search.DfsExhaustive;
import gcsim.search.ExhaustiveResult;
import gcsim.variant.Switches;
import gcsim.variant.Variant;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Operations that end without a scheduling point ({@code use}, a local {@code is-valid-path} answered
 * from the cache) count toward the step bound, so {@code --max-steps} ends even an execution whose
 * only actor loops through them without ever yielding.
 */
class StepBoundTest {
    private static final Variant BASELINE = new Variant("early-return", "baseline", Switches.baseline());

    /** 10000 × 10000 × 10000 × 10000 reads of one path by a local client: far beyond any step bound. */
    private static Scenario endlessReads() {
        Op inner = new Op.Repeat(10_000, List.of(use("src"), new Op.IsValidPath("src", P)), P);
        Op nested = inner;
        for (int depth = 0; depth < 3; depth++) {
            nested = new Op.Repeat(10_000, List.of(nested), P);
        }
        return new ScenarioBuilder()
                .source("src", 1024, true)
                .gcroot("src", "src")
                .process("reader", false, at(0), nested)
                .build();
    }

    @Test
    void nestedRepeatsOfOperationsThatNeverYieldAreCutAtTheStepBound() {
        RunResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new Runner(endlessReads(), BASELINE, 1_000).run(new Seeds(1), false));
        assertThat(r.cut()).isTrue();
        assertThat(r.failure()).isNull();
    }

    @Test
    void theExhaustiveSearchOfSuchAScenarioEndsWithinItsStepBound() {
        ExhaustiveResult r = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> new DfsExhaustive(null).explore(new Runner(endlessReads(), BASELINE, 1_000), 100));
        assertThat(r.failure()).isNull();
        assertThat(r.cut()).isPositive();
    }

    @Test
    void aShortRepeatOfSilentOperationsStillCompletes() {
        Scenario s = new ScenarioBuilder()
                .source("src", 1024, true)
                .gcroot("src", "src")
                .process("reader", false, at(0), new Op.Repeat(3, List.of(use("src")), P))
                .build();
        RunResult r = new Runner(s, BASELINE, 1_000).run(new Seeds(1), false);
        assertThat(r.cut()).isFalse();
        assertThat(r.failure()).isNull();
    }
}

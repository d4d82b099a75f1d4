package gcsim.search.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.Runner;
import gcsim.kernel.Schedule;
import gcsim.scenario.ScenarioLoader;
import gcsim.search.Search;
import gcsim.search.SearchResult;
import gcsim.search.StrategyKind;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The transfer engine on hosts-drv, with counterexamples found here rather than read from results/. */
class TransferTest {
    private static final int MAX_STEPS = 100_000;

    private static Executor hostsDrv(String variantId) throws Exception {
        Path dir = Path.of("scenarios");
        Variant variant = VariantLoader.load(dir.resolve("variants.yaml")).stream()
                .filter(v -> v.id().equals(variantId)).findFirst().orElseThrow();
        return new Runner(ScenarioLoader.load(dir.resolve("hosts-drv.yaml")), variant, MAX_STEPS);
    }

    private static Schedule counterexample(Executor e) {
        SearchResult r = new Search(() -> e, () -> StrategyKind.RANDOM.create(1, 3), 1).run(1, 100_000);
        assertThat(r.failed()).as("the search should find the race under early-return").isTrue();
        return r.failing().result().schedule();
    }

    @Test
    void aCounterexampleCarriedToItsOwnVariantFollowsEveryStepAndFailsTheSameWay() throws Exception {
        Executor baseline = hostsDrv("early-return");
        Schedule s = counterexample(baseline);
        TransferOutcome o = Transfer.of(baseline, s, hostsDrv("early-return"));
        assertThat(o.kind()).isEqualTo(TransferOutcome.Kind.SAME_FAILURE);
        assertThat(o.divergences()).isEmpty();
        assertThat(o.transferred().schedule().encode()).isEqualTo(s.encode());
        assertThat(o.step()).isEqualTo(o.original().failure().step());
    }

    @Test
    void theMergedFixClosesTheWindowAndSaysWhichTempRootTheCollectorHonoured() throws Exception {
        Executor baseline = hostsDrv("early-return");
        TransferOutcome o = Transfer.of(baseline, counterexample(baseline), hostsDrv("drv-only"));
        assertThat(o.kind()).isEqualTo(TransferOutcome.Kind.CLOSED);
        assertThat(o.transferred().failed()).isFalse();
        assertThat(o.reason()).containsPattern("temp-roots hosts\\.drv .*, is a step the original did not have")
                .containsPattern("at step " + o.step() + ": keeps hosts\\.drv: ")
                .contains("(the original, step ").contains(": deletes hosts.drv ");
        assertThat(o.divergences()).anyMatch(d -> d.kind() == Divergence.Kind.ADDED);
    }

    @Test
    void aScheduleThatDoesNotFailUnderItsOwnVariantIsNotTransferable() throws Exception {
        Executor fixed = hostsDrv("drv-only");
        Schedule passing = fixed.run(StrategyKind.RANDOM.create(7, 3), false).schedule();
        TransferOutcome o = Transfer.of(fixed, passing, hostsDrv("early-return"));
        assertThat(o.kind()).isEqualTo(TransferOutcome.Kind.NOT_TRANSFERABLE);
        assertThat(o.reason()).isEqualTo("the schedule does not fail under its own variant");
        assertThat(o.transferred()).isNull();
    }
}

package gcsim.differential;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.scenario.ScenarioException;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The model's replays of the concurrent histories, without Nix: the pauses pin the interleaving, so
 * the outcome is the same on every schedule; and the two windows the hooks show behave as §2.7 says.
 */
class ModelConcurrentTest {

    private static Variant nix234() throws ScenarioException {
        return VariantLoader.load(Path.of("scenarios/variants.yaml")).stream().filter(v -> v.id().equals("nix-2.34"))
                .findFirst().orElseThrow();
    }

    private static ConcurrentHistory named(String name) {
        return ConcurrentHistory.all().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyConcurrentHistoryEndsTheSameWayOnEverySchedule() throws ScenarioException {
        Variant v = nix234();
        for (ConcurrentHistory c : ConcurrentHistory.all()) {
            Outcome o = ModelConcurrent.run(c, v, 200);

            assertThat(o.error()).as(c.name()).isNull();
            assertThat(o.after()).as(c.name() + ": q is garbage in every history").doesNotContain("q");
        }
    }

    @Test
    void aBareRootCountsBeforeTheRootScanAndNotAfterIt() throws ScenarioException {
        assertThat(ModelConcurrent.run(named("sync1-symlink-root"), nix234(), 50).after()).containsExactly("p");
        assertThat(ModelConcurrent.run(named("sync2-symlink-root"), nix234(), 50).after()).isEmpty();
    }

    @Test
    void aTempRootReadByTheCollectorOutlivesItsProcessButOneLeftUnreadDoesNot() throws ScenarioException {
        assertThat(ModelConcurrent.run(named("sync2-holder-exits"), nix234(), 50).after()).containsExactly("p");
        assertThat(ModelConcurrent.run(named("sync1-holder-exits"), nix234(), 50).after()).isEmpty();
    }

    @Test
    void thereIsAHistoryForEachClientUnderEachHook() {
        assertThat(ConcurrentHistory.all()).hasSize(2 * ConcurrentHistory.Client.values().length)
                .extracting(ConcurrentHistory::hook).containsOnly(1, 2);
    }
}

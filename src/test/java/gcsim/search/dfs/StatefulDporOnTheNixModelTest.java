package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.ReplayStrategy;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioLoader;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The stateful DPOR search on the Nix model: on scenarios small enough for the stateless DFS to
 * finish, it reaches exactly the terminal states and failures the DFS reaches (and everything brute
 * force with one preemption reaches), with fewer executions; on library cells with a known window it
 * finds the failure, and the failure's schedule replays to it.
 */
class StatefulDporOnTheNixModelTest {
    private static final int MAX_STEPS = 100_000;
    private static final int STARVATION = 3;

    private static void agree(Scenario scenario, Variant variant, int starvation, boolean bruteForce) {
        Runner runner = new Runner(scenario, variant, MAX_STEPS, starvation);
        Outcomes dfs = new Outcomes();
        DfsResult d = new Dfs().explore(runner, Outcomes.everything(), dfs);
        Outcomes reached = new Outcomes();
        DfsResult s = new Dfs().explore(runner, Outcomes.everything().withStateful(true), reached);
        String as = scenario.name() + " under " + variant.id();
        assertThat(d.complete()).as(as).isTrue();
        assertThat(s.complete()).as(as).isTrue();
        assertThat(reached.terminalStates).as(as).isEqualTo(dfs.terminalStates);
        assertThat(reached.failures).as(as).isEqualTo(dfs.failures);
        assertThat(s.revisits()).as(as + ": executions stopped at a visited state").isPositive();
        assertThat(s.executions()).as(as).isLessThan(d.executions());
        System.out.printf("%s: stateful dpor %d executions (%d stopped at one of %d visited states) vs dfs %d;"
                + " %d terminal states, %d failures%n", as, s.executions(), s.revisits(), s.states(), d.executions(),
                reached.terminalStates.size(), reached.failures.size());
        if (bruteForce) {
            BruteForce.Result brute = BruteForce.enumerate(runner, 1_000_000, 1);
            assertThat(brute.complete()).isTrue();
            assertThat(reached.terminalStates).as(as).containsAll(brute.terminalStates());
            assertThat(reached.failures).as(as).containsAll(brute.failures());
        }
    }

    @Test
    void aTempRootRacingTheCollectorReachesWhatTheDfsAndOnePreemptionBruteForceReach() {
        agree(NixScenarios.tempRootOnly(1), NixScenarios.variants().get(0), 1, true);
    }

    @Test
    void theSeedRaceReachesTheTerminalStatesAndFailuresTheDfsReachesUnderTheBaselineAndTheMergedFix() {
        for (Variant v : NixScenarios.variants()) {
            if (v.id().equals("early-return") || v.id().equals("drv-only")) {
                agree(NixScenarios.hostsDrv(), v, STARVATION, false);
            }
        }
    }

    @Test
    void aSecondCollectionIsExploredOnceWhateverOrderTheFirstReadTheStoreIn() throws ScenarioException {
        // gc.sh's two collections each read the store in any order: the stateless search runs every
        // order of the second below every order of the first; after the first, the state is the same
        Scenario gc = ScenarioLoader.load(Path.of("scenarios/gc.yaml"));
        Variant baseline = VariantLoader.load(Path.of("scenarios/variants.yaml")).get(0);
        agree(gc, baseline, STARVATION, false);
    }

    @ParameterizedTest(name = "{0} fails under {1}")
    @CsvSource({"hosts-drv, early-return, invalid-path", "perm-root-after-root-scan, nix-master, "})
    void aLibraryCellWithAKnownWindowFailsAndItsScheduleReplaysToTheFailure(String name, String variantId, String kind)
            throws ScenarioException {
        Scenario scenario = ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"));
        Variant variant = VariantLoader.load(Path.of("scenarios/variants.yaml")).stream()
                .filter(v -> v.id().equals(variantId)).findFirst().orElseThrow();
        Runner runner = new Runner(scenario, variant, MAX_STEPS, STARVATION);
        DfsResult r = new Dfs().explore(runner, DfsOptions.defaults().withStateful(true));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        if (kind != null) {
            assertThat(r.failure().failure().kind()).isEqualTo(kind);
        }
        RunResult again = runner.run(new ReplayStrategy(r.failure().schedule()), false);
        assertThat(again.failure()).isEqualTo(r.failure().failure());
    }
}

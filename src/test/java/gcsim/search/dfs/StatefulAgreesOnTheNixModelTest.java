package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.search.stateful.StatefulOptions;
import gcsim.search.stateful.StatefulResult;
import gcsim.search.stateful.StatefulSearch;
import gcsim.variant.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stateful search against the DFS and brute force on the Nix model itself: on scenarios small
 * enough for both to finish, it reaches every terminal state and exactly the failures the DFS
 * reaches, and everything brute force with one preemption reaches; from snapshots and by replay
 * alike. Where it reaches a terminal state the DFS does not, that state is replayed from its
 * schedule through the plain runner, so it is a real execution of the same bounded kernel. Such a
 * state is a hole in the DFS's reduction, so none may exist: one did, on the temp root racing the
 * collector under the starvation bound, until the temproots file's contents got a footprint.
 */
class StatefulAgreesOnTheNixModelTest {
    private static final int MAX_STEPS = 100_000;
    private static final int STARVATION = 3;
    private static final StatefulOptions EVERYTHING = StatefulOptions.defaults().withStopAtFirstFailure(false);

    /** What the searches reached, keeping each execution for replay. */
    private static final class Kept extends Outcomes {
        final List<gcsim.check.RunResult> results = new java.util.ArrayList<>();

        @Override
        public void accept(gcsim.check.RunResult r) {
            super.accept(r);
            results.add(r);
        }
    }

    private static void agree(Scenario scenario, Variant variant, int starvation, boolean bruteForce) {
        Runner runner = new Runner(scenario, variant, MAX_STEPS, starvation);
        Outcomes dfs = new Outcomes();
        DfsResult d = new Dfs().explore(runner, Outcomes.everything(), dfs);
        assertThat(d.complete()).as("dfs on " + scenario.name() + " under " + variant.id()).isTrue();
        Kept last = null;
        // both ways back to a branch point on the small scenario; the large one from snapshots only, for CI's time
        for (StatefulOptions.Restore restore : bruteForce ? new StatefulOptions.Restore[] {StatefulOptions.Restore.SNAPSHOT}
                : StatefulOptions.Restore.values()) {
            Kept reached = new Kept();
            last = reached;
            StatefulResult r = new StatefulSearch().explore(runner, EVERYTHING.withRestore(restore), reached);
            String as = scenario.name() + " under " + variant.id() + " (" + restore + ")";
            assertThat(r.verdict()).as(as).isNotEqualTo(StatefulResult.Verdict.INCOMPLETE);
            assertThat(reached.terminalStates).as(as).containsAll(dfs.terminalStates);
            assertThat(reached.failures).as(as).isEqualTo(dfs.failures);
            int extra = 0;
            for (int i = 0; i < reached.results.size(); i++) {
                gcsim.check.RunResult x = reached.results.get(i);
                if (!x.cut() && !dfs.terminalStates.contains(x.terminalState())) {
                    long again = runner.run(new gcsim.kernel.ReplayStrategy(x.schedule()), false).terminalState();
                    assertThat(again).as(as + ": " + x.schedule().encode()).isEqualTo(x.terminalState());
                    extra++;
                }
            }
            assertThat(extra).as(as + ": terminal states the DFS's reduction missed").isZero();
            System.out.printf("%s: stateful %d distinct states, %d transitions; dfs %d executions; %d terminal states"
                    + " (%d more by executions the DFS did not reach, each replayed), %d failures%n", as, r.distinctStates(),
                    r.transitions(), d.executions(), reached.terminalStates.size(), extra, dfs.failures.size());
        }
        if (bruteForce) {
            BruteForce.Result brute = BruteForce.enumerate(runner, 1_000_000, 1);
            assertThat(brute.complete()).isTrue();
            Outcomes stateful = last;
            assertThat(stateful.terminalStates).containsAll(brute.terminalStates());
            assertThat(stateful.failures).containsAll(brute.failures());
            assertThat(dfs.terminalStates).as("the DFS reaches what brute force reaches").containsAll(brute.terminalStates());
            System.out.printf("%s: brute force with one preemption: %d terminal states, %d of them not reached by the dfs%n",
                    scenario.name(), brute.terminalStates().size(),
                    brute.terminalStates().stream().filter(x -> !dfs.terminalStates.contains(x)).count());
        }
    }

    /** Under starvation bound 1, so that the space stays small enough for CI. */
    @Test
    void aTempRootRacingTheCollectorReachesWhatTheDfsAndOnePreemptionBruteForceReach() {
        List<Variant> variants = NixScenarios.variants();
        agree(NixScenarios.tempRootOnly(1), variants.get(0), 1, true);
    }

    @Test
    void theSeedRaceReachesWhatTheDfsReachesUnderTheBaselineAndTheMergedFix() {
        for (Variant v : NixScenarios.variants()) {
            if (v.id().equals("early-return") || v.id().equals("drv-only")) {
                agree(NixScenarios.hostsDrv(), v, STARVATION, false);
            }
        }
    }
}

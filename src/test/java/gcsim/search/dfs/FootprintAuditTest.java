package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.Kernel;
import gcsim.kernel.Schedule;
import gcsim.scenario.ScenarioLoader;
import gcsim.search.RandomWalk;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit of the footprint contract the reduction rests on. */
class FootprintAuditTest {
    /** The model tests' step bound. */
    private static final int MAX_STEPS = 100_000;

    @Test
    void everyAdjacentIndependentPairOfTheToysCommutes() {
        for (Toy toy : Toys.all()) {
            List<RunResult> runs = new ArrayList<>();
            new Dfs().explore(toy, Outcomes.everything(), runs::add);
            for (RunResult r : runs) {
                assertThat(FootprintAudit.audit(toy, r.schedule(), 10)).as(toy + " " + r.schedule()).isEmpty();
            }
        }
    }

    @Test
    void aStepThatHidesAReadMakesTheSearchMissAnOutcomeAndTheAuditNamesTheTwoSteps() {
        Toy toy = Toys.unrecordedFlag();
        BruteForce.Result brute = BruteForce.enumerate(toy, 1000);
        Outcomes reached = new Outcomes();
        List<RunResult> runs = new ArrayList<>();

        new Dfs().explore(toy, Outcomes.everything(), reached.andThen(runs::add));
        List<FootprintAudit.Finding> findings = FootprintAudit.audit(toy, runs.get(0).schedule(), 10);

        assertThat(brute.terminalStates()).hasSize(2);
        assertThat(reached.terminalStates).hasSize(1); // the reduction trusted the footprints
        assertThat(findings).hasSize(1);
        FootprintAudit.Finding f = findings.get(0);
        assertThat(f.step()).isZero();
        assertThat(List.of(f.firstName(), f.secondName())).containsExactly("raiser", "reader");
        assertThat(f.what()).contains("terminal state");
    }

    @Test
    void aClockAdvanceIsAuditedLikeAnyOtherStep() {
        Toy toy = Toys.threeActors();
        List<RunResult> runs = new ArrayList<>();
        new Dfs().explore(toy, Outcomes.everything(), runs::add);

        boolean advanced = runs.stream().anyMatch(r -> r.schedule().choices().contains(0));

        assertThat(advanced).as("some execution picks a clock advance (choice 0)").isTrue();
        assertThat(Kernel.ADVANCE_CLOCK).isEqualTo(Integer.MAX_VALUE);
    }

    /**
     * The collector's main, server and client threads: its G13 step sets the shutdown flag the
     * server's accept-or-close step and a client's receive step branch on (seeds 13, 20 and 27 broke
     * the audit while that flag was not reported), and a worker's append to its temproots file races
     * the collector's read of it (seed 67).
     */
    @Test
    void theCollectorsThreadsAndTheTempRootsFileKeepTheContractOnTheLongBuildScenario() throws Exception {
        assertThat(findings("src/test/resources/scenarios/collector-after-long-build.yaml", "drv-only", 100)).isEmpty();
    }

    /**
     * The scenarios with a collector, under a baseline, the 2.8 and the master variant: a
     * nix-collect-garbage beside clients of its socket, concurrent collectors, and the auto-GC
     * thread, which master joins (its end and the §2.9 state broke the audit on hosts-drv and
     * remote-builder-inputs while they were not reported).
     */
    @Test
    void randomExecutionsOfTheScenariosWithACollectorKeepTheContract() throws Exception {
        List<String> found = new ArrayList<>();
        for (String variant : List.of("drv-only", "nix-2.8", "nix-master")) {
            for (String scenario : List.of("gc-non-blocking", "gc-concurrent", "collector-visited-referrer",
                    "hosts-drv-collect-garbage", "hosts-drv", "remote-builder-inputs")) {
                found.addAll(findings("scenarios/" + scenario + ".yaml", variant, 20));
            }
        }
        assertThat(found).isEmpty();
    }

    /** Audits the random walk's executions of seeds 0 to {@code seeds - 1}; one line per execution with findings. */
    private static List<String> findings(String scenario, String variantId, int seeds) throws Exception {
        Variant variant = VariantLoader.load(Path.of("scenarios/variants.yaml")).stream()
                .filter(v -> v.id().equals(variantId)).findFirst().orElseThrow();
        Runner runner = new Runner(ScenarioLoader.load(Path.of(scenario)), variant, MAX_STEPS);
        RandomWalk walk = new RandomWalk(1);
        List<String> found = new ArrayList<>();
        for (long seed = 0; seed < seeds; seed++) {
            walk.reseed(seed);
            Schedule schedule = runner.run(walk, false).schedule();
            List<FootprintAudit.Finding> f = FootprintAudit.audit(runner, schedule, 3);
            if (!f.isEmpty()) {
                found.add(scenario + " under " + variantId + ", seed " + seed + ": " + f);
            }
        }
        return found;
    }
}

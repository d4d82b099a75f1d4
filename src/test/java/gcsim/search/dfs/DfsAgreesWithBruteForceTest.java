package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Runner;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Soundness by brute force: on systems small enough to run every schedule, the reduced search
 * reaches exactly the terminal states and failures that running every schedule reaches, with fewer
 * executions. The ratio explored / brute force is printed per system.
 */
class DfsAgreesWithBruteForceTest {

    static Stream<Toy> toys() {
        return Toys.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toys")
    void theReducedSearchReachesTheSameTerminalStatesAndFailuresAsEverySchedule(Toy toy) {
        BruteForce.Result brute = BruteForce.enumerate(toy, 5_000_000);
        Outcomes reached = new Outcomes();

        DfsResult dfs = new Dfs().explore(toy, Outcomes.everything(), reached);

        assertThat(brute.complete()).isTrue();
        assertThat(dfs.complete()).isTrue();
        assertThat(reached.terminalStates).isEqualTo(brute.terminalStates());
        assertThat(reached.failures).isEqualTo(brute.failures());
        assertThat(dfs.terminalStates()).isEqualTo(brute.terminalStates().size());
        assertThat(dfs.executions()).isLessThan(brute.executions());
        System.out.printf("%-16s explored/brute-force = %d/%d = %.4f (%d terminal states, %d failures)%n", toy,
                dfs.executions(), brute.executions(), (double) dfs.executions() / brute.executions(),
                brute.terminalStates().size(), brute.failures().size());
    }

    @Test
    void theReducedSearchAgreesWithBruteForceOnAHundredRandomSystems() {
        long dfsTotal = 0;
        long bruteTotal = 0;
        int compared = 0;
        for (long seed : LongStream.range(0, 100).toArray()) {
            Toy toy = RandomSystems.system(seed);
            BruteForce.Result brute = BruteForce.enumerate(toy, 50_000);
            if (!brute.complete()) {
                continue; // too big to enumerate quickly; the seeds that fit are plenty
            }
            Outcomes reached = new Outcomes();
            DfsResult dfs = new Dfs().explore(toy, Outcomes.everything(), reached);

            String system = "seed " + seed + ":\n" + RandomSystems.describe(seed);
            assertThat(reached.terminalStates).as(system).isEqualTo(brute.terminalStates());
            assertThat(reached.failures).as(system).isEqualTo(brute.failures());
            assertThat(dfs.executions()).as(system).isLessThanOrEqualTo(brute.executions());
            dfsTotal += dfs.executions();
            bruteTotal += brute.executions();
            compared++;
        }
        assertThat(compared).isGreaterThan(80);
        System.out.printf("random systems   explored/brute-force = %d/%d = %.4f over %d systems%n", dfsTotal,
                bruteTotal, (double) dfsTotal / bruteTotal, compared);
    }

    /**
     * Under a starvation bound the clock is held back by history (how often it passed a ready
     * actor), so a clock advance and a step of an actor it passes no longer commute; the kernel
     * records that as footprints. Brute force over the bounded kernel is the reference.
     */
    @Test
    void underAStarvationBoundTheReducedSearchAgreesWithBruteForceOnARetryLoopAndOnRandomSystems() {
        for (int k = 0; k <= 6; k++) {
            int bound = k % 4;
            boolean busy = k >= 4;
            Toy toy = LoopToys.retryLoop(10_000, busy).withStarvationBound(bound);
            BruteForce.Result brute = BruteForce.enumerate(toy, 2_000_000);
            Outcomes reached = new Outcomes();
            DfsResult dfs = new Dfs().explore(toy, Outcomes.everything(), reached);

            assertThat(brute.complete()).as(toy.toString()).isTrue();
            assertThat(brute.cut()).as(toy.toString()).isZero();
            assertThat(dfs.verdict()).as(toy.toString()).isEqualTo(Verdict.VERIFIED);
            assertThat(reached.terminalStates).as(toy.toString()).isEqualTo(brute.terminalStates());
            assertThat(dfs.executions()).as(toy.toString()).isLessThan(brute.executions());
            System.out.printf("%s: explored/brute-force = %d/%d = %.4f (%d terminal states)%n",
                    toy, dfs.executions(), brute.executions(), (double) dfs.executions() / brute.executions(),
                    brute.terminalStates().size());
        }
        long dfsTotal = 0;
        long bruteTotal = 0;
        int compared = 0;
        for (long seed : LongStream.range(0, 100).toArray()) {
            Toy toy = RandomSystems.system(seed).withStarvationBound((int) (seed % 3));
            BruteForce.Result brute = BruteForce.enumerate(toy, 50_000);
            if (!brute.complete()) {
                continue;
            }
            Outcomes reached = new Outcomes();
            DfsResult dfs = new Dfs().explore(toy, Outcomes.everything(), reached);

            String system = "seed " + seed + ", starvation bound " + seed % 3 + ":\n" + RandomSystems.describe(seed);
            assertThat(reached.terminalStates).as(system).isEqualTo(brute.terminalStates());
            assertThat(reached.failures).as(system).isEqualTo(brute.failures());
            dfsTotal += dfs.executions();
            bruteTotal += brute.executions();
            compared++;
        }
        assertThat(compared).isGreaterThan(80);
        System.out.printf("random systems, starvation bounds 0-2: explored/brute-force = %d/%d = %.4f over %d systems%n",
                dfsTotal, bruteTotal, (double) dfsTotal / bruteTotal, compared);
    }

    /**
     * The Nix model is too big for every schedule, even with two processes: the collector alone
     * takes some 25 steps and a temp root some 10, and the client's retry loop makes the space
     * infinite but for the step bound (three million schedules of 30 to 38 steps do not exhaust it).
     * So brute force here runs every schedule with at most one preemption (which includes the
     * interesting one: the temp root sent through the collector's socket while it runs), random walks
     * go deeper, and the reduced, unbounded search must reach everything either reaches.
     */
    @Test
    void theReducedSearchReachesEveryOutcomeOfATempRootRacingTheCollectorThatOnePreemptionOrARandomWalkReaches() {
        Runner runner = new Runner(NixScenarios.tempRootOnly(1), NixScenarios.variants().get(0), 60);
        BruteForce.Result brute = BruteForce.enumerate(runner, 1_000_000, 1);
        Outcomes walked = new Outcomes();
        for (long seed = 0; seed < 2_000; seed++) {
            walked.accept(runner.run(new Walk(seed), false));
        }
        Outcomes reached = new Outcomes();

        DfsResult dfs = new Dfs().explore(runner, Outcomes.everything(), reached);

        assertThat(brute.complete()).isTrue();
        assertThat(dfs.verdict()).isEqualTo(Verdict.VERIFIED);
        assertThat(brute.terminalStates()).hasSizeGreaterThan(1); // the collector deletes the path, or not
        assertThat(reached.terminalStates).containsAll(brute.terminalStates()).containsAll(walked.terminalStates);
        assertThat(reached.failures).containsAll(brute.failures()).containsAll(walked.failures);
        System.out.printf("temp-root-vs-gc  explored %d (cut %d) vs brute force with one preemption %d (cut %d);"
                        + " %d terminal states%n", dfs.executions(), dfs.cut(), brute.executions(), brute.cut(),
                reached.terminalStates.size());
    }
}

package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Soundness of the stateful DPOR search (the DFS with a visited set and summaries) by brute force:
 * on systems small enough to run every schedule, stopping at states explored before, with the
 * summaries' races added, reaches exactly the terminal states and failures that every schedule
 * reaches and that the stateless DFS reaches.
 */
class StatefulDporAgreesWithBruteForceTest {
    private static final DfsOptions STATEFUL = Outcomes.everything().withStateful(true);

    static Stream<Toy> toys() {
        return Toys.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("toys")
    void stoppingAtVisitedStatesReachesTheTerminalStatesAndFailuresOfEverySchedule(Toy toy) {
        BruteForce.Result brute = BruteForce.enumerate(toy, 5_000_000);
        assertThat(brute.complete()).isTrue();
        Outcomes dfs = new Outcomes();
        DfsResult plain = new Dfs().explore(toy, Outcomes.everything(), dfs);
        Outcomes reached = new Outcomes();
        DfsResult r = new Dfs().explore(toy, STATEFUL, reached);
        assertThat(reached.terminalStates).as(toy.toString()).isEqualTo(brute.terminalStates());
        assertThat(reached.failures).as(toy.toString()).isEqualTo(brute.failures());
        assertThat(reached.terminalStates).as(toy.toString()).isEqualTo(dfs.terminalStates);
        assertThat(reached.failures).as(toy.toString()).isEqualTo(dfs.failures);
        assertThat(r.complete()).as(toy.toString()).isEqualTo(plain.complete());
        System.out.printf("%-16s stateful dpor %d executions (%d stopped at a visited state) vs dfs %d vs brute force %d%n",
                toy, r.executions(), r.revisits(), plain.executions(), brute.executions());
    }

    @Test
    void stoppingAtVisitedStatesAgreesWithBruteForceOnTwoHundredRandomSystemsWithAndWithoutAStarvationBound() {
        int compared = 0;
        long revisits = 0;
        for (long seed : LongStream.range(0, 400).toArray()) {
            Toy toy = seed < 200 ? RandomSystems.system(seed) : RandomSystems.system(seed - 200).withStarvationBound((int) (seed % 3));
            BruteForce.Result brute = BruteForce.enumerate(toy, 50_000);
            if (!brute.complete()) {
                continue;
            }
            Outcomes reached = new Outcomes();
            DfsResult r = new Dfs().explore(toy, STATEFUL, reached);
            String system = "seed " + seed + ":\n" + RandomSystems.describe(seed % 200);
            assertThat(reached.terminalStates).as(system).isEqualTo(brute.terminalStates());
            assertThat(reached.failures).as(system).isEqualTo(brute.failures());
            assertThat(r.complete()).as(system).isTrue();
            revisits += r.revisits();
            compared++;
        }
        assertThat(compared).isGreaterThan(300);
        assertThat(revisits).as("the visited set stopped executions: the comparison exercised it").isPositive();
    }

    @Test
    void theSameSystemGivesTheSameExecutionsInTheSameOrder() {
        for (Toy toy : Toys.all()) {
            Outcomes a = new Outcomes();
            Outcomes b = new Outcomes();
            new Dfs().explore(toy, STATEFUL, a);
            new Dfs().explore(toy, STATEFUL, b);
            assertThat(a.schedules).as(toy.toString()).isEqualTo(b.schedules);
        }
    }
}

package gcsim.search.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.search.stateful.StatefulOptions;
import gcsim.search.stateful.StatefulResult;
import gcsim.search.stateful.StatefulSearch;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Soundness of the stateful search by brute force: on systems small enough to run every schedule,
 * expanding each distinct state once reaches exactly the terminal states and failures that running
 * every schedule reaches, and that the DPOR search reaches; in both orders and with both ways back
 * to a branch point (a copy of the world, a replay of the prefix).
 */
class StatefulAgreesWithBruteForceTest {

    static Stream<Toy> toys() {
        return Toys.all().stream();
    }

    private static final StatefulOptions EVERYTHING = StatefulOptions.defaults().withStopAtFirstFailure(false);

    @ParameterizedTest(name = "{0}")
    @MethodSource("toys")
    void everyDistinctStateOnceReachesTheTerminalStatesAndFailuresOfEverySchedule(Toy toy) {
        BruteForce.Result brute = BruteForce.enumerate(toy, 5_000_000);
        Outcomes dfs = new Outcomes();
        new Dfs().explore(toy, Outcomes.everything(), dfs);
        assertThat(brute.complete()).isTrue();

        for (StatefulOptions.Order order : StatefulOptions.Order.values()) {
            long[] seen = null; // a copy of the world and a replay of the prefix must explore the very same graph
            for (StatefulOptions.Restore restore : StatefulOptions.Restore.values()) {
                Outcomes reached = new Outcomes();
                StatefulResult r = new StatefulSearch().explore(toy, EVERYTHING.withOrder(order).withRestore(restore),
                        reached);
                String as = toy + " " + order + " " + restore;
                assertThat(reached.terminalStates).as(as).isEqualTo(brute.terminalStates());
                assertThat(reached.failures).as(as).isEqualTo(brute.failures());
                assertThat(reached.terminalStates).as(as).isEqualTo(dfs.terminalStates);
                assertThat(reached.failures).as(as).isEqualTo(dfs.failures);
                assertThat(r.terminalStates()).as(as).isEqualTo(brute.terminalStates().size());
                long[] figures = {r.distinctStates(), r.transitions(), r.executions()};
                if (seen != null) {
                    assertThat(figures).as(as).isEqualTo(seen);
                }
                seen = figures;
                if (brute.cut() == 0) {
                    assertThat(r.verdict()).as(as).isNotEqualTo(StatefulResult.Verdict.INCOMPLETE);
                }
                if (order == StatefulOptions.Order.DFS && restore == StatefulOptions.Restore.SNAPSHOT) {
                    System.out.printf("%-16s stateful %d transitions / %d distinct states vs brute force %d executions%n",
                            toy, r.transitions(), r.distinctStates(), brute.executions());
                }
            }
        }
    }

    @Test
    void everyDistinctStateOnceAgreesWithBruteForceOnAHundredRandomSystemsWithAndWithoutAStarvationBound() {
        int compared = 0;
        for (long seed : LongStream.range(0, 200).toArray()) {
            Toy toy = seed < 100 ? RandomSystems.system(seed) : RandomSystems.system(seed - 100).withStarvationBound((int) (seed % 3));
            BruteForce.Result brute = BruteForce.enumerate(toy, 50_000);
            if (!brute.complete() || brute.cut() > 0) {
                continue;
            }
            Outcomes reached = new Outcomes();
            StatefulResult r = new StatefulSearch().explore(toy, EVERYTHING, reached);
            Outcomes bfs = new Outcomes();
            new StatefulSearch().explore(toy, EVERYTHING.withOrder(StatefulOptions.Order.BFS)
                    .withRestore(StatefulOptions.Restore.REPLAY), bfs);

            String system = "seed " + seed + ":\n" + RandomSystems.describe(seed % 100);
            assertThat(reached.terminalStates).as(system).isEqualTo(brute.terminalStates());
            assertThat(reached.failures).as(system).isEqualTo(brute.failures());
            assertThat(bfs.terminalStates).as(system).isEqualTo(brute.terminalStates());
            assertThat(bfs.failures).as(system).isEqualTo(brute.failures());
            assertThat(r.verdict()).as(system).isNotEqualTo(StatefulResult.Verdict.INCOMPLETE);
            compared++;
        }
        assertThat(compared).isGreaterThan(150);
    }

    @Test
    void breadthFirstFindsAFailureWithNoMoreTransitionsThanDepthFirst() {
        for (Toy toy : Toys.all()) {
            StatefulResult dfs = new StatefulSearch().explore(toy, StatefulOptions.defaults());
            StatefulResult bfs = new StatefulSearch().explore(toy, StatefulOptions.defaults().withOrder(StatefulOptions.Order.BFS));
            assertThat(bfs.verdict()).as(toy.toString()).isEqualTo(dfs.verdict());
            if (dfs.failure() != null) {
                assertThat(bfs.failure().failed()).isTrue();
                assertThat(bfs.failure().schedule().size()).as(toy.toString())
                        .isLessThanOrEqualTo(dfs.failure().schedule().size());
            }
        }
    }
}

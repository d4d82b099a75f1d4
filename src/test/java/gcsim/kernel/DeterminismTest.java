package gcsim.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeterminismTest {

    private record Run(Outcome outcome, String trace, String schedule) {}

    private static Run run(Strategy s) {
        Kernel k = new Kernel(s, 10_000).withTrace();
        Toys.build(k);
        Outcome o = k.run();
        return new Run(o, Toys.traceText(k), k.schedule().encode());
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 2, 3, 42, 1234567, -99})
    void theSameSeedGivesByteIdenticalTraceAndSchedule(long seed) {
        Run first = run(new SeededStrategy(seed));
        Run second = run(new SeededStrategy(seed));

        assertThat(second.trace()).isEqualTo(first.trace());
        assertThat(second.schedule()).isEqualTo(first.schedule());
        assertThat(second.outcome()).isEqualTo(first.outcome());
        assertThat(first.outcome().end()).isEqualTo(Outcome.End.COMPLETE);
        assertThat(first.trace()).contains("collecting").contains("served alice").contains("served bob");
    }

    @Test
    void aStrategyReusedForASecondExecutionStartsOver() {
        SeededStrategy s = new SeededStrategy(5);
        Run first = run(s);
        Run second = run(s);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void aKernelBuiltFromARecycledOneRunsEveryExecutionAsAFreshKernelDoes() {
        Reuse reuse = new Reuse();
        for (long seed = 0; seed < 30; seed++) {
            Run fresh = run(new SeededStrategy(seed));
            Kernel k = new Kernel(new SeededStrategy(seed), 10_000, reuse).withTrace();
            Toys.build(k);
            Outcome o = k.run();
            Run reused = new Run(o, Toys.traceText(k), k.schedule().encode());
            reuse.keep(k, false);

            assertThat(reused).as("seed %d", seed).isEqualTo(fresh);
        }
    }

    @Test
    void aKernelRecycledAfterACutExecutionStillRunsTheNextAsAFreshKernelDoes() {
        Reuse reuse = new Reuse();
        for (long seed = 0; seed < 30; seed++) {
            int steps = seed % 2 == 0 ? 7 : 10_000; // every other execution is cut with actors still runnable
            Kernel fresh = new Kernel(new SeededStrategy(seed), steps).withTrace();
            Toys.build(fresh);
            Outcome expected = fresh.run();
            Kernel k = new Kernel(new SeededStrategy(seed), steps, reuse).withTrace();
            Toys.build(k);
            Outcome o = k.run();
            reuse.keep(k, false);

            assertThat(o).as("seed %d", seed).isEqualTo(expected);
            assertThat(Toys.traceText(k)).as("seed %d", seed).isEqualTo(Toys.traceText(fresh));
        }
    }

    @Test
    void differentSeedsExploreDifferentInterleavings() {
        Set<String> schedules = new HashSet<>();
        Set<String> traces = new HashSet<>();
        for (long seed = 0; seed < 20; seed++) {
            Run r = run(new SeededStrategy(seed));
            schedules.add(r.schedule());
            traces.add(r.trace());
        }

        assertThat(schedules).hasSizeGreaterThan(10);
        assertThat(traces).hasSizeGreaterThan(10);
    }

    @Test
    void everySeededRunReplaysExactly() {
        for (long seed = 0; seed < 20; seed++) {
            Run original = run(new SeededStrategy(seed));
            Run replayed = run(new ReplayStrategy(Schedule.decode(original.schedule())));

            assertThat(replayed).as("seed %d", seed).isEqualTo(original);
        }
    }
}

package gcsim.bench;

import static org.assertj.core.api.Assertions.assertThat;

import gcsim.check.Executor;
import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioLoader;
import gcsim.search.Pct;
import gcsim.search.Search;
import gcsim.search.SearchStrategy;
import gcsim.search.StrategyKind;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The interleaved measurement that the bench's ratios (growth, speed-up) come from. */
class ThroughputTest {
    private static Supplier<Executor> hostsDrv(AtomicInteger made) throws Exception {
        return hostsDrv(made, new ArrayList<>(), "");
    }

    /** Executors of hosts-drv under drv-only, counted in {@code made}; each one made adds {@code tag} to {@code log}. */
    private static Supplier<Executor> hostsDrv(AtomicInteger made, List<String> log, String tag) throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/hosts-drv.yaml"));
        Variant v = VariantLoader.load(Path.of("scenarios/variants.yaml")).stream()
                .filter(x -> x.id().equals("drv-only")).findFirst().orElseThrow();
        return () -> {
            made.incrementAndGet();
            synchronized (log) {
                log.add(tag);
            }
            return new Runner(s, v, Bench.MAX_STEPS, -1);
        };
    }

    @Test
    void interleavedWorkloadsRunInSlicesTakenInTurnAndEachSumsItsOwnSlices() throws Exception {
        AtomicInteger madeA = new AtomicInteger();
        AtomicInteger madeB = new AtomicInteger();
        List<String> order = new ArrayList<>();
        Throughput a = new Throughput(hostsDrv(madeA, order, "a"), StrategyKind.RANDOM);
        Throughput b = new Throughput(hostsDrv(madeB, order, "b"), StrategyKind.RANDOM);
        long budget = 200_000_000L; // two slices of 100 ms each

        Throughput.Run[] runs = Throughput.interleaved(List.of(a, b), budget, 1);

        assertThat(runs).hasSize(2);
        assertThat(order).as("slices in turn").containsExactly("a", "b", "a", "b");
        assertThat(madeA.get()).as("one executor per slice").isEqualTo(2);
        assertThat(madeB.get()).as("one executor per slice").isEqualTo(2);
        assertThat(runs[0].cpuNanos()).isGreaterThanOrEqualTo(budget);
        assertThat(runs[1].cpuNanos()).isGreaterThanOrEqualTo(budget);
        assertThat(runs[0].executions()).isPositive();
        assertThat(runs[0].steps()).isGreaterThan(runs[0].executions());
    }

    @Test
    void aBudgetBelowOneSliceRunsAsOneSlice() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Throughput t = new Throughput(hostsDrv(made), StrategyKind.RANDOM);

        Throughput.Run[] runs = Throughput.interleaved(List.of(t), 5_000_000L, 1);

        assertThat(made.get()).isEqualTo(1);
        assertThat(runs[0].executions()).isPositive();
    }

    @Test
    void oneScheduleOverAndOverRunsTheBaseSeedsFirstScheduleEveryTime() throws Exception {
        Supplier<Executor> executors = hostsDrv(new AtomicInteger());
        SearchStrategy first = StrategyKind.RANDOM.create(3, 3);
        first.reseed(Search.seedOf(3, 0));
        first.expectDecisions(Pct.DEFAULT_DECISIONS);
        int stepsOfFirst = executors.get().runForSearch(first).outcome().steps();

        Throughput.Run same = Throughput.oneSchedule(executors, StrategyKind.RANDOM).run(1, 20_000_000L, 3);
        Throughput.Run varied = new Throughput(executors, StrategyKind.RANDOM).run(1, 20_000_000L, 3);

        assertThat(same.executions()).isPositive();
        assertThat(same.steps()).isEqualTo(same.executions() * stepsOfFirst);
        assertThat(varied.steps()).as("a search's schedules differ in length").isNotEqualTo(varied.executions() * stepsOfFirst);
    }

    @Test
    void aWarmUpRehearsesOneThreadThenEveryThreadThenOneThreadEachTimeWithNewExecutors() throws Exception {
        AtomicInteger made = new AtomicInteger();
        Throughput t = new Throughput(hostsDrv(made), StrategyKind.RANDOM);

        int rehearsals = t.warmUp(2, 30_000_000L);

        assertThat(rehearsals).isBetween(1, Throughput.MAX_REHEARSALS);
        assertThat(made.get()).as("1 + 2 + 1 executors per rehearsal").isEqualTo(4 * rehearsals);
    }

    @Test
    void twoRunsTogetherAddUpAndAnUncountedAllocationStaysUncounted() {
        Throughput.Run x = new Throughput.Run(10, 100, 1_000, 2_000, 500);
        Throughput.Run y = new Throughput.Run(5, 40, 600, 700, -1);

        assertThat(x.plus(new Throughput.Run(1, 2, 3, 4, 5))).isEqualTo(new Throughput.Run(11, 102, 1_003, 2_004, 505));
        assertThat(x.plus(y).allocatedBytes()).isEqualTo(-1);
        assertThat(x.plus(y).executions()).isEqualTo(15);
    }
}

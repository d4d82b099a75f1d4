package gcsim.jmh;

import gcsim.check.RunResult;
import gcsim.check.Runner;
import gcsim.kernel.ReplayStrategy;
import gcsim.kernel.Schedule;
import gcsim.scenario.Scenario;
import gcsim.scenario.ScenarioLoader;
import gcsim.search.Pct;
import gcsim.search.RandomWalk;
import gcsim.search.dfs.Dfs;
import gcsim.search.dfs.DfsOptions;
import gcsim.variant.Variant;
import gcsim.variant.VariantLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One execution of hosts-drv under drv-only (the merged fix, so no execution stops early) per
 * strategy: random walk, PCT, the exhaustive search's first execution, and a replay of a recorded
 * schedule with and without the trace, which is what a report pays per counterexample. The
 * scenario is read from {@code scenarios/} under the working directory (the project root when run
 * by {@code mvn -Pjmh verify}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExecutionBenchmark {
    private static final int MAX_STEPS = 100_000;

    private Runner runner;
    private Runner dfsRunner;
    private RandomWalk random;
    private Pct pct;
    private Schedule recorded;
    private long seed;

    @Setup
    public void load() throws Exception {
        Path home = Path.of(System.getProperty("gcsim.home", "."));
        Scenario s = ScenarioLoader.load(home.resolve("scenarios/hosts-drv.yaml"));
        Variant v = VariantLoader.load(home.resolve("scenarios/variants.yaml")).stream()
                .filter(x -> x.id().equals("drv-only")).findFirst().orElseThrow();
        runner = new Runner(s, v, MAX_STEPS);
        dfsRunner = new Runner(s, v, MAX_STEPS, 3);
        random = new RandomWalk(1);
        pct = new Pct(1, 3);
        recorded = runner.run(new RandomWalk(42), false).schedule();
    }

    @Benchmark
    public RunResult random() {
        random.reseed(seed++);
        return runner.runForSearch(random);
    }

    @Benchmark
    public RunResult pct() {
        pct.reseed(seed++);
        pct.expectDecisions(Pct.DEFAULT_DECISIONS);
        return runner.runForSearch(pct);
    }

    @Benchmark
    public long dfsFirstExecution() {
        return new Dfs().explore(dfsRunner, new DfsOptions(1, null, true)).executions();
    }

    @Benchmark
    public RunResult replayUntraced() {
        return runner.run(new ReplayStrategy(recorded), false);
    }

    /** Trace recording: the same replay with every step's events and the story's states kept. */
    @Benchmark
    public RunResult replayTraced() {
        return runner.run(new ReplayStrategy(recorded), true);
    }
}

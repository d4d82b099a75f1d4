package gcsim.bench;

import gcsim.check.Executor;
import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.search.StrategyKind;
import gcsim.variant.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The bench's figures about the cost of one step, each a ratio of workloads measured in slices
 * taken in turn ({@link Throughput#interleaved}), so that the machine's drift weighs on both sides:
 * how the cost grows as evaluations are added, and how much of heavy-load's cost comes from its
 * schedules being unpredictable rather than from the work of a step.
 *
 * <p>Why the second: heavy-load's target asks for a step cheaper than anything the scheduler's
 * bookkeeping alone can give back (docs/measurements.md, "Where an execution's time goes"); the same
 * execution run over and over, where the processor predicts every branch it learnt, shows what the
 * code costs with that penalty gone, and so how far a faster implementation of the same steps
 * could go.
 */
final class StepCost {
    static final String GROWTH = "cost of a step as evaluations are added (random, one thread)";
    static final String PREDICTABLE = "cost of a step: heavy-load's random schedules against one schedule over and over (one thread)";

    private final Bench.Options options;
    private final Bench bench;

    StepCost(Bench.Options options, Bench bench) {
        this.options = options;
        this.bench = bench;
    }

    /** Generated scenarios with 2, 4 and 8 evaluations: nanoseconds per step and the growth from 2 to 8. */
    void asEvaluationsAreAdded(Variant v) throws Exception {
        int[] sizes = {2, 4, 8};
        List<Throughput> parts = new ArrayList<>();
        for (int n : sizes) {
            bench.say("cost of a step with " + n + " evaluations");
            parts.add(warm("evaluators-" + n, new Throughput(executors(Evaluators.scenario(n), v), StrategyKind.RANDOM)));
        }
        int runs = options.runs();
        double[][] ns = new double[sizes.length][runs];
        double[] growth = new double[runs];
        for (int i = 0; i < runs; i++) {
            Throughput.Run[] r = Throughput.interleaved(parts, nanos(options.seconds()), 1 + i);
            for (int k = 0; k < sizes.length; k++) {
                ns[k][i] = r[k].nanosPerStep();
            }
            growth[i] = 100 * (ns[sizes.length - 1][i] / ns[0][i] - 1);
        }
        for (int k = 0; k < sizes.length; k++) {
            bench.figure(Figure.plain(GROWTH, "evaluators-" + sizes[k] + " (generated), ns per step", "ns", ns[k]));
        }
        bench.figure(Figure.atMost(GROWTH, "growth from 2 to 8 evaluations", "%", growth, 20, "≤ 20 %"));
    }

    /**
     * heavy-load's random schedules and its first schedule over and over, in turns: nanoseconds per
     * step of each, the share of the random cost that predictability takes away, and (a note) the
     * cost per step that {@code target} executions per CPU-second would need at the random runs'
     * steps per execution.
     */
    void againstOneSchedule(Scenario heavyLoad, Variant v, double target) throws Exception {
        bench.say("cost of a step: heavy-load, random against one schedule");
        Throughput random = warm("heavy-load, random", new Throughput(executors(heavyLoad, v), StrategyKind.RANDOM));
        Throughput one = warm("heavy-load, one schedule", Throughput.oneSchedule(executors(heavyLoad, v), StrategyKind.RANDOM));
        int runs = options.runs();
        double[] randomNs = new double[runs];
        double[] oneNs = new double[runs];
        double[] saving = new double[runs];
        double steps = 0;
        for (int i = 0; i < runs; i++) {
            Throughput.Run[] r = Throughput.interleaved(List.of(random, one), nanos(options.seconds()), 1 + i);
            randomNs[i] = r[0].nanosPerStep();
            oneNs[i] = r[1].nanosPerStep();
            saving[i] = 100 * (1 - oneNs[i] / randomNs[i]);
            steps += (double) r[0].steps() / Math.max(1, r[0].executions()) / runs;
        }
        bench.figure(Figure.plain(PREDICTABLE, "heavy-load, drv-only, random schedules, ns per step", "ns", randomNs));
        bench.figure(Figure.plain(PREDICTABLE, "heavy-load, drv-only, one schedule over and over, ns per step", "ns", oneNs));
        bench.figure(Figure.plain(PREDICTABLE, "what predictability takes off a random step's cost", "%", saving));
        bench.note(String.format(Locale.ROOT, "cost of a step: %,.0f heavy-load executions per CPU-second need %.1f ns"
                + " per step at the %.1f steps of a random execution", target, 1e9 / (target * steps), steps));
    }

    /** Warms {@code t} up as the bench's other workloads are, on the one thread these figures use. */
    private Throughput warm(String name, Throughput t) throws InterruptedException {
        bench.warmUp(name, t, 1);
        return t;
    }

    private static Supplier<Executor> executors(Scenario s, Variant v) {
        return () -> new Runner(s, v, Bench.MAX_STEPS, -1);
    }

    private static long nanos(double seconds) {
        return (long) (seconds * 1e9);
    }
}

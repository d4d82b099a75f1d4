package gcsim.bench;

import gcsim.check.Executor;
import gcsim.check.Runner;
import gcsim.scenario.Scenario;
import gcsim.search.StrategyKind;
import gcsim.variant.Variant;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code gcsim bench}: measures what the speed targets are about, on this machine, in one run:
 * executions per CPU-second on one thread and on every core, the cost of a step as evaluations are
 * added, time to the seed race's first failure, and (when asked) the peak heap of a long search.
 * Figures come from runs made here; the targets are printed beside them, never assumed.
 */
public final class Bench {
    /** Step bound of every execution, as {@code gcsim search} uses by default. */
    static final int MAX_STEPS = 100_000;
    /** heavy-load's target, executions per CPU-second on one thread. */
    private static final double HEAVY_LOAD_TARGET = 40_000;
    static final String THROUGHPUT = "throughput (executions per CPU-second unless said)";
    static final String FIRST_FAILURE = "first failure: hosts-drv under early-return";
    static final String COLD = "first failure in a fresh JVM: gcsim search on hosts-drv under early-return, one process per seed";
    static final String PEERS = "peers: time to the first observation of the seed race (hosts-drv under early-return)";
    static final String HEAP = "peak heap of a long search (hosts-drv, drv-only, random, every core)";

    /** Where the benchmark finds the project's scenarios and variants. */
    public interface Workloads {
        Scenario scenario(String name) throws Exception;

        Variant variant(String id) throws Exception;
    }

    /**
     * @param runs measured runs per figure
     * @param seconds CPU seconds per thread of one throughput or step-cost run
     * @param warmupSeconds CPU seconds of unmeasured warm-up per workload
     * @param seeds base seeds per first-failure run (the median is over them)
     * @param threads threads of the "every core" runs
     * @param heapSchedules schedules of the peak-heap search, or 0 to leave it out
     * @param coldSeeds fresh JVMs per cold-start run (one seed each), or 0 to leave it out
     * @param home the project root, which the fresh JVMs are given
     * @param cdsArchive the class-data-sharing archive the launcher builds, or null
     * @param peers whether to run jcstress, Lincheck and Fray on the seed race too (minutes)
     */
    public record Options(int runs, double seconds, double warmupSeconds, int seeds, int threads, long heapSchedules,
                          int coldSeeds, Path home, Path cdsArchive, boolean peers) {}

    private final Workloads workloads;
    private final Options options;
    private final PrintStream progress;
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The last cold-start medians (the archive's when there is one), for the peers' ratios; NaN until measured. */
    private double coldProcessMs = Double.NaN;
    private double coldSearchMs = Double.NaN;

    public Bench(Workloads workloads, Options options, PrintStream progress) {
        this.workloads = workloads;
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws Exception {
        double loadBefore = Cpu.loadAverage();
        if (!Cpu.supported()) {
            throw new IllegalStateException("this JVM cannot measure per-thread CPU time, which every figure needs");
        }
        Variant drvOnly = workloads.variant("drv-only");
        Variant earlyReturn = workloads.variant("early-return");
        Scenario hostsDrv = workloads.scenario("hosts-drv");
        throughput("hosts-drv, drv-only, random", executors(hostsDrv, drvOnly, -1), StrategyKind.RANDOM, 150_000);
        throughput("hosts-drv, drv-only, pct", executors(hostsDrv, drvOnly, -1), StrategyKind.PCT, -1);
        Scenario heavyLoad = workloads.scenario("heavy-load");
        throughput("heavy-load, drv-only, random", executors(heavyLoad, drvOnly, -1), StrategyKind.RANDOM, HEAVY_LOAD_TARGET);
        StepCost steps = new StepCost(options, this);
        steps.asEvaluationsAreAdded(drvOnly);
        steps.againstOneSchedule(heavyLoad, drvOnly, HEAVY_LOAD_TARGET);
        firstFailure(hostsDrv, earlyReturn);
        if (options.coldSeeds() > 0) {
            coldStart();
        }
        if (options.peers()) {
            peers();
        }
        if (options.heapSchedules() > 0) {
            peakHeap(hostsDrv, drvOnly);
        } else {
            notes.add("peak heap: not measured in this run (gcsim bench --heap runs a 10,000,000-schedule search for it)");
        }
        return new BenchReport(System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadBefore, Cpu.loadAverage(), options.runs(),
                options.warmupSeconds(), options.seconds(), figures, notes);
    }

    private static Supplier<Executor> executors(Scenario s, Variant v, int starvation) {
        return () -> new Runner(s, v, MAX_STEPS, starvation);
    }

    private long nanos(double seconds) {
        return (long) (seconds * 1e9);
    }

    private void throughput(String name, Supplier<Executor> executors, StrategyKind kind, double target)
            throws InterruptedException {
        say("throughput of " + name);
        Throughput t = new Throughput(executors, kind);
        int threads = options.threads();
        warmUp(name, t, threads);
        int runs = options.runs();
        double[] one = new double[runs];
        double[] all = new double[runs];
        double[] allPerCpu = new double[runs];
        double[] speedup = new double[runs];
        double[] perStep = new double[runs];
        double[] bytesPerStep = new double[runs];
        for (int i = 0; i < runs; i++) {
            // one thread, then every thread, then one thread again: the ratio of the two cancels a steady
            // drift of the machine's speed, and the every-thread run stays one run with one end to wait
            // for, as in a search (slices of it would add a wait for the slower thread to each slice)
            long half = nanos(options.seconds()) / 2;
            Throughput.Run single = t.run(1, half, 1 + i);
            Throughput.Run many = t.run(threads, nanos(options.seconds()), 1 + i);
            single = single.plus(t.run(1, nanos(options.seconds()) - half, 1001 + i));
            one[i] = single.perCpuSecond();
            perStep[i] = single.nanosPerStep();
            bytesPerStep[i] = single.bytesPerStep();
            all[i] = many.perWallSecond();
            allPerCpu[i] = many.perCpuSecond();
            speedup[i] = many.perWallSecond() / single.perWallSecond();
        }
        String oneName = name + ", 1 thread";
        figures.add(target > 0
                ? Figure.atLeast(THROUGHPUT, oneName, "/CPU-s", one, target, String.format(Locale.ROOT, "≥ %,.0f", target))
                : Figure.plain(THROUGHPUT, oneName, "/CPU-s", one));
        figures.add(Figure.plain(THROUGHPUT, name + ", 1 thread, cost of a step", "ns", perStep));
        if (!Double.isNaN(bytesPerStep[0])) {
            figures.add(Figure.plain(THROUGHPUT, name + ", 1 thread, bytes allocated per step", "B", bytesPerStep));
        }
        figures.add(Figure.plain(THROUGHPUT, name + ", " + threads + " threads", "/CPU-s", allPerCpu));
        figures.add(Figure.plain(THROUGHPUT, name + ", " + threads + " threads, wall", "/s", all));
        String speedName = name + ", speed-up of " + threads + " threads over 1 (wall)";
        figures.add(threads == 2
                ? Figure.atLeast(THROUGHPUT, speedName, "x", speedup, 1.85, "≥ 1.85 with 2 threads")
                : Figure.plain(THROUGHPUT, speedName, "x", speedup));
    }

    private void firstFailure(Scenario s, Variant v) {
        Supplier<Executor> seeded = executors(s, v, -1);
        Supplier<Executor> dfs = executors(s, v, FirstFailure.dfsStarvationBound());
        say("first failure: warm-up");
        FirstFailure.seeded(seeded, StrategyKind.RANDOM, Math.min(10, options.seeds()));
        FirstFailure.seeded(seeded, StrategyKind.PCT, Math.min(10, options.seeds()));
        FirstFailure.exhaustive(dfs.get());
        int runs = options.runs();
        for (StrategyKind kind : StrategyKind.values()) {
            say("first failure: " + kind.key() + ", " + options.seeds() + " seeds per run");
            double[] schedules = new double[runs];
            double[] cpu = new double[runs];
            double[] wall = new double[runs];
            int missed = 0;
            for (int i = 0; i < runs; i++) {
                FirstFailure.Run r = FirstFailure.seeded(seeded, kind, options.seeds());
                schedules[i] = r.schedules();
                cpu[i] = r.cpuMillis();
                wall[i] = r.wallMillis();
                missed = Math.max(missed, r.notFound());
            }
            String per = kind.key() + ", median over " + options.seeds() + " seeds";
            figures.add(Figure.plain(FIRST_FAILURE, per + ": schedules", "", schedules));
            figures.add(kind == StrategyKind.RANDOM
                    ? Figure.atMost(FIRST_FAILURE, per + ": CPU time", "ms", cpu, 20, "≤ 20 ms")
                    : Figure.plain(FIRST_FAILURE, per + ": CPU time", "ms", cpu));
            figures.add(Figure.plain(FIRST_FAILURE, per + ": wall time, setup included", "ms", wall));
            if (missed > 0) {
                notes.add("first failure, " + kind.key() + ": up to " + missed + " seeds found nothing within "
                        + FirstFailure.SCHEDULE_BUDGET + " schedules and are left out of the median");
            }
        }
        say("first failure: exhaustive search");
        double[] executions = new double[runs];
        double[] cpu = new double[runs];
        double[] wall = new double[runs];
        for (int i = 0; i < runs; i++) {
            FirstFailure.Run r = FirstFailure.exhaustive(dfs.get());
            executions[i] = r.schedules();
            cpu[i] = r.cpuMillis();
            wall[i] = r.wallMillis();
        }
        figures.add(Figure.plain(FIRST_FAILURE, "dfs (no seed): executions", "", executions));
        figures.add(Figure.plain(FIRST_FAILURE, "dfs: CPU time, its traced replay included", "ms", cpu));
        figures.add(Figure.plain(FIRST_FAILURE, "dfs: wall time", "ms", wall));
    }

    private void coldStart() throws Exception {
        Path archive = ColdStart.existing(options.cdsArchive());
        int runs = options.runs();
        for (Path a : archive == null ? new Path[] {null} : new Path[] {null, archive}) {
            String with = a == null ? "without a CDS archive" : "with the CDS archive";
            say("first failure in fresh JVMs, " + with);
            double[] search = new double[runs];
            double[] process = new double[runs];
            for (int i = 0; i < runs; i++) {
                ColdStart.Run r = ColdStart.measure(options.home(), options.coldSeeds(), a);
                search[i] = r.searchMillis();
                process[i] = r.processMillis();
            }
            String per = with + ", median over " + options.coldSeeds() + " seeds";
            figures.add(Figure.atMost(COLD, per + ": the search's own time", "ms", search, 20, "≤ 20 ms"));
            figures.add(Figure.plain(COLD, per + ": the whole process", "ms", process));
            coldProcessMs = Spread.of(process).median();
            coldSearchMs = Spread.of(search).median();
        }
        if (archive == null) {
            notes.add("cold start: no CDS archive at " + options.cdsArchive() + " (sim/gcsim builds one after the jar),"
                    + " so only the JVM without one was measured");
        }
    }

    /**
     * jcstress, Lincheck and Fray on the real-thread seed race, once each (a run takes from seconds
     * to minutes), beside gcsim's fresh-JVM time to the same failure; the ratios compare whole
     * processes, JVM start included on both sides, and CPU time where both give it. A peer that
     * cannot run here is a note saying why, not a failed benchmark.
     */
    private void peers() throws Exception {
        if (Double.isNaN(coldProcessMs)) {
            ColdStart.Run r = ColdStart.measure(options.home(), 5, ColdStart.existing(options.cdsArchive()));
            coldProcessMs = r.processMillis();
            coldSearchMs = r.searchMillis();
        }
        figures.add(Figure.plain(PEERS, "gcsim: a fresh JVM's whole process (median)", "ms", new double[] {coldProcessMs}));
        figures.add(Figure.plain(PEERS, "gcsim: the search's own time (median)", "ms", new double[] {coldSearchMs}));
        for (Peers.Peer peer : Peers.ALL) {
            say("peers: " + peer.what() + ", through Maven");
            Peers.Observation o = peer.run().observe(options.home());
            if (!o.ran()) {
                notes.add("peers: " + o.peer() + " not run: " + o.why());
                continue;
            }
            if (!o.found()) {
                notes.add("peers: " + o.peer() + " gave no first observation: " + o.why()
                        + (Double.isNaN(o.wallMs()) ? "" : String.format(Locale.ROOT, " (after %,.0f ms, %,.0f ms of CPU)",
                        o.wallMs(), o.cpuMs())));
                continue;
            }
            if (o.note() != null) {
                notes.add("peers: " + o.peer() + " " + o.note());
            }
            figures.add(Figure.plain(PEERS, o.peer() + ": wall time " + peer.from(), "ms", new double[] {o.wallMs()}));
            figures.add(Figure.plain(PEERS, o.peer() + ": CPU time", "ms", new double[] {o.cpuMs()}));
            figures.add(Figure.atLeast(PEERS, o.peer() + " / gcsim, whole processes", "x",
                    new double[] {o.wallMs() / coldProcessMs}, 100, "≥ 100"));
            figures.add(Figure.atLeast(PEERS, o.peer() + " / gcsim's search", "x",
                    new double[] {o.wallMs() / Math.max(coldSearchMs, 1)}, 100, "≥ 100"));
        }
        notes.add("peers: each ran once (a run takes seconds to minutes); gcsim's side is the median of its fresh-JVM runs");
    }

    private void peakHeap(Scenario s, Variant v) {
        say("peak heap: a search of " + options.heapSchedules() + " schedules on " + options.threads() + " threads");
        PeakHeap.Run r = PeakHeap.measure(executors(s, v, -1), options.heapSchedules(), options.threads());
        String name = String.format(Locale.ROOT, "%,d schedules in %,d ms (heap limit %,d MiB)", r.schedules(),
                r.wallMillis(), r.maxHeapBytes() >> 20);
        figures.add(Figure.plain(HEAP, name, "MiB", new double[] {r.peakBytes() / (double) (1 << 20)}));
        figures.add(Figure.plain(HEAP, "of which the old generation", "MiB", new double[] {r.oldPeakBytes() / (double) (1 << 20)}));
        notes.add("peak heap: measured once (not " + options.runs() + " times): a long search is the point");
    }

    /** Warms {@code t} up ({@link Throughput#warmUp}); a note says when the heap kept it going past one rehearsal. */
    void warmUp(String name, Throughput t, int threads) throws InterruptedException {
        int rehearsals = t.warmUp(threads, nanos(options.warmupSeconds()));
        if (rehearsals > 1) {
            notes.add("warm-up: " + name + " was rehearsed " + rehearsals + " times" + (rehearsals == Throughput.MAX_REHEARSALS
                    ? ", the most allowed; the heap was still growing" : ", until the heap stopped growing"));
        }
    }

    void say(String what) {
        progress.println("gcsim bench: " + what);
    }

    void figure(Figure f) {
        figures.add(f);
    }

    void note(String line) {
        notes.add(line);
    }
}

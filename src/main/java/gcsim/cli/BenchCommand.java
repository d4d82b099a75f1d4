package gcsim.cli;

import gcsim.bench.Bench;
import gcsim.bench.BenchReport;
import gcsim.scenario.Scenario;
import gcsim.variant.Variant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gcsim bench}: parses the benchmark's options and prints what {@link Bench} measured, as
 * text or one line of JSON on stdout; progress goes to stderr. Exit 0 whatever the figures: a
 * target not met is a figure to read, not an error.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Measures executions per CPU-second, the cost of a step, time to the first failure and (with"
                + " --heap) the peak heap of a long search, beside the speed targets.")
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "Measured runs per figure; min, median and max are printed (default: ${DEFAULT-VALUE}).")
    String runs;

    @Option(names = "--cpu-ms", paramLabel = "MS", defaultValue = "2000",
            description = "CPU milliseconds per thread of one throughput or step-cost run (default: ${DEFAULT-VALUE}).")
    String cpuMs;

    @Option(names = "--warmup-ms", paramLabel = "MS", defaultValue = "3000",
            description = "Unmeasured warm-up per workload, in CPU milliseconds: one rehearsal of its measured runs, "
                    + "repeated while the heap grows (default: ${DEFAULT-VALUE}).")
    String warmupMs;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "100",
            description = "Base seeds per first-failure run; the median is over them (default: ${DEFAULT-VALUE}).")
    String seeds;

    @Option(names = "--threads", paramLabel = "N", description = "Threads of the every-core runs (default: one per processor).")
    String threads;

    @Option(names = "--heap", description = "Also measure the peak heap of a long search (--heap-schedules; minutes).")
    boolean heap;

    @Option(names = "--heap-schedules", paramLabel = "N", defaultValue = "10000000",
            description = "Schedules of the --heap search (default: ${DEFAULT-VALUE}).")
    String heapSchedules;

    @Option(names = "--cold-seeds", paramLabel = "N", defaultValue = "10",
            description = "Fresh JVMs per cold-start run, one seed each, with and without the CDS archive; 0 leaves"
                    + " the cold start out (default: ${DEFAULT-VALUE}).")
    String coldSeeds;

    @Option(names = "--peers", description = "Also time the seed race's first observation under jcstress, Lincheck and Fray"
            + " (run by Maven; minutes) and print the ratios to gcsim's.")
    boolean peers;

    @Option(names = "--json", description = "Print one line of JSON instead of text.")
    boolean json;

    /** The class-data-sharing archive {@code sim/gcsim} builds beside the jar. */
    static final String CDS_ARCHIVE = "gcsim.jsa";

    private final Context ctx;

    BenchCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        int n = (int) Numbers.range("--runs", runs, 1, 100, "a whole number");
        long cpu = Numbers.range("--cpu-ms", cpuMs, 1, 3_600_000, "milliseconds");
        long warmup = Numbers.range("--warmup-ms", warmupMs, 0, 3_600_000, "milliseconds");
        int s = (int) Numbers.range("--seeds", seeds, 1, 100_000, "a whole number");
        int t = Numbers.threads(threads);
        long h = heap ? Numbers.positiveLong("--heap-schedules", heapSchedules) : 0;
        int cold = (int) Numbers.range("--cold-seeds", coldSeeds, 0, 10_000, "a whole number");
        if (!heap && !"10000000".equals(heapSchedules)) {
            throw new BadInput("--heap-schedules goes with --heap (accepted: add --heap, or leave it out)");
        }
        Project project = ctx.project();
        Bench.Workloads workloads = new Bench.Workloads() {
            @Override
            public Scenario scenario(String name) throws Exception {
                return project.loadScenario(Target.resolveScenario(project, name));
            }

            @Override
            public Variant variant(String id) throws Exception {
                return Target.findVariant(project, id);
            }
        };
        BenchReport r = new Bench(workloads, new Bench.Options(n, cpu / 1000.0, warmup / 1000.0, s, t, h, cold,
                project.home(), project.home().resolve("target").resolve(CDS_ARCHIVE), peers), ctx.err()).run();
        if (json) {
            ctx.out().println(r.json());
        } else {
            r.lines().forEach(ctx.out()::println);
        }
        return 0;
    }
}

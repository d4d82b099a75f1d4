package gcsim.cli;

import gcsim.report.AtomicFiles;
import gcsim.report.Staging;
import gcsim.report.Cell;
import gcsim.report.CompareProgress;
import gcsim.report.CompareReport;
import gcsim.report.Expected;
import gcsim.report.Provenance;
import gcsim.report.Verdict;
import gcsim.search.CellCheck;
import gcsim.search.DfsExhaustive;
import gcsim.search.Exhaustive;
import gcsim.search.Shrinker;
import gcsim.search.StatefulExhaustive;
import gcsim.search.stateful.StatefulOptions;
import gcsim.variant.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gcsim compare}: every scenario under every variant, one verdict per cell, and one report
 * (JSON, Markdown, HTML, a short summary, and a page and a schedule file per counterexample) that
 * shows which patch idea of NixOS/nix PR #15158 closes which race, with a shrunk, replayable
 * counterexample for every failure.
 *
 * <p>Per cell: a random walk and then PCT, {@code --budget} schedules each, stopping at the first
 * failure; when neither fails, an exhaustive search of up to {@code --dfs-executions} executions,
 * which can prove the cell within its bounds. A failure is shrunk to few preemptions and replayed
 * with the trace on for its story. Verdicts depend only on the options and the project, never on
 * the machine or the number of threads; the files hold no commit, date, machine or timing unless
 * {@code --provenance} asks for them, so two runs write identical bytes. {@code --shard I/N} runs
 * every N-th cell; {@code gcsim merge} combines the shards into the report one run writes.
 *
 * <p>Exit codes: 0 when the report was written (and, with {@code --check}, every cell has its
 * expected verdict); 1 when {@code --check} found a changed cell; 2 for bad input; 3 for an
 * internal error, including a cell on which gcsim itself failed (the report is still written, with
 * that cell marked {@code error}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Runs every scenario under every variant and writes the verdict report (results/ by default).")
final class CompareCommand implements Callable<Integer> {
    static final long DEFAULT_BUDGET = 20_000;
    /** Per passing cell: with the starvation bound, enough to verify every passing cell of hosts-drv, gc and fetch-cache-hit. */
    static final long DEFAULT_DFS_EXECUTIONS = 200_000;
    static final int PCT_DEPTH = 3;
    /** Per cell the DFS leaves incomplete: a few seconds of stateful search on a busy core, 0.3 MB of visited set. */
    static final long DEFAULT_MAX_STATES = 20_000;

    @Option(names = "--scenarios", paramLabel = "a,b",
            description = "Scenario names from scenarios/, or scenario files (default: all in scenarios/).")
    String scenarios;

    @Option(names = "--variants", paramLabel = "x,y", description = "Variant ids to compare (default: all in variants.yaml).")
    String variants;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: results/ in the project).")
    String out;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "" + DEFAULT_BUDGET,
            description = "Schedules per cell for the random walk, and again for PCT (default: ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--dfs-executions", paramLabel = "N", defaultValue = "" + DEFAULT_DFS_EXECUTIONS,
            description = "Exhaustive-search budget per cell that random and PCT did not fail; 0 skips it"
                    + " (default: ${DEFAULT-VALUE}).")
    String dfsExecutions;

    @Option(names = "--max-states", paramLabel = "N", defaultValue = "" + DEFAULT_MAX_STATES,
            description = "Distinct states for the stateful search of a cell the DFS did not finish; 0 skips it"
                    + " (default: ${DEFAULT-VALUE}).")
    String maxStates;

    @Option(names = "--exhaustive", paramLabel = "dfs|stateful-dpor", defaultValue = Options.DFS,
            description = "The depth-first search of the exhaustive phase: the stateless dfs, or stateful-dpor, which also"
                    + " keeps the states it finished and stops a path at one (default: ${DEFAULT-VALUE}).")
    String exhaustiveSearch;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Base seed (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "100000",
            description = "Step bound per execution; longer ones are cut (default: ${DEFAULT-VALUE}).")
    String maxSteps;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per processor).")
    String threads;

    @Option(names = "--shard", paramLabel = "I/N",
            description = "Run only shard I of N: cell k (scenario-major, from 0) when k mod N = I-1; merge combines them.")
    String shard;

    @Option(names = "--provenance", description = "Also write commit, date, machine and timings into the report files.")
    boolean provenance;

    @Mixin
    Gate gate = new Gate();

    private final Context ctx;

    CompareCommand(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        long perStrategy = Numbers.positiveLong("--budget", budget);
        long dfsBudget = nonNegative("--dfs-executions", dfsExecutions);
        long baseSeed = Numbers.seed("--seed", seed);
        int steps = Numbers.positiveInt("--max-steps", maxSteps);
        int workers = Numbers.threads(threads);
        CompareReport.Shard part = CompareSelection.shard(shard);
        Project project = ctx.project();
        CompareSelection sel = CompareSelection.resolve(project, scenarios, variants);
        Path outDir = out == null ? project.home().resolve("results") : Path.of(out).toAbsolutePath().normalize();
        String shownOut = ShownPath.shown(project.home(), outDir);
        Expected fromFile = gate.load(project);

        List<CompareCells.Job> jobs = new ArrayList<>();
        List<CompareReport.ScenarioInfo> scenarioInfos = new ArrayList<>();
        int position = 0;
        for (int s = 0; s < sel.names().size(); s++) {
            String sha = Target.sha256(sel.files().get(s));
            scenarioInfos.add(new CompareReport.ScenarioInfo(sel.names().get(s), sel.scenarios().get(s).summary(), sha));
            for (Variant v : sel.variants()) {
                if (part == null || part.owns(position)) {
                    jobs.add(new CompareCells.Job(sel.scenarios().get(s), sel.names().get(s),
                            Target.designation(project, sel.files().get(s)), sha, v));
                }
                position++;
            }
        }
        List<CompareReport.VariantInfo> variantInfos = new ArrayList<>();
        for (Variant v : sel.variants()) {
            variantInfos.add(new CompareReport.VariantInfo(v.id(), v.description()));
        }
        String date = Provenance.nowUtc();
        long start = System.nanoTime();
        for (CompareCells.Job j : jobs) { // a name the file system refuses must fail now, not after every cell has run
            try {
                AtomicFiles.checkName(j.key() + ".schedule");
            } catch (IOException e) {
                throw new BadInput("cannot name the schedule file of " + j.label() + ": " + e.getMessage()
                        + " (accepted: shorter scenario names and variant ids)");
            }
        }
        int atOnce = Math.max(1, Math.min(workers, jobs.size()));
        CellCheck.Budget cellBudget = new CellCheck.Budget(perStrategy, PCT_DEPTH, dfsBudget, baseSeed, Math.max(1, workers / atOnce));
        long states = nonNegative("--max-states", maxStates);
        if (!Options.isDfs(exhaustiveSearch)) {
            throw new BadInput("--exhaustive: '" + gcsim.scenario.Text.shown(exhaustiveSearch) + "' is not one of "
                    + Options.DFS + ", " + Options.STATEFUL_DPOR);
        }
        boolean visited = Options.STATEFUL_DPOR.equals(exhaustiveSearch);

        CompareReport full;
        CompareReport report;
        Expected expected;
        List<CompareCells.Done> done = new ArrayList<>(); // guarded by itself: the signal handler reads it
        try (Staging staging = Staging.create(outDir);
             CompareProgress progress = new CompareProgress(ctx.err(), System.console() != null, jobs.size())) {
            ctx.err().println("gcsim: compare: " + jobs.size() + " cells" + (part == null ? "" : " (shard " + part + " of "
                    + position + ")") + " on " + atOnce + " thread(s); progress and an estimate of the time left follow");
            ExecutorService pool = Executors.newFixedThreadPool(atOnce, r -> {
                Thread t = new Thread(r, "gcsim-compare");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<CompareCells.Done>> futures = new ArrayList<>();
                Interrupts.onSignal(() -> interrupted(staging, done, jobs.size(), shownOut));
                for (CompareCells.Job j : jobs) {
                    Exhaustive first = new DfsExhaustive(null, visited);
                    Exhaustive exhaustive = states == 0 ? first : new StatefulExhaustive(first,
                            StatefulOptions.defaults().withMaxStates(states),
                            line -> ctx.err().println("gcsim: stateful: " + j.label() + ": " + line));
                    futures.add(pool.submit(() -> CompareCells.run(project, j, cellBudget, exhaustive, steps, shownOut, progress,
                            staging)));
                }
                for (Future<CompareCells.Done> f : futures) {
                    CompareCells.Done d = CompareCells.await(f);
                    synchronized (done) {
                        done.add(d);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            long totalMs = (System.nanoTime() - start) / 1_000_000;
            List<Cell> cells = new ArrayList<>();
            List<CompareReport.CellTiming> timings = new ArrayList<>();
            Map<String, String> schedules = new TreeMap<>();
            for (int i = 0; i < jobs.size(); i++) {
                CompareCells.Done d = done.get(i);
                cells.add(d.cell());
                timings.add(new CompareReport.CellTiming(jobs.get(i).scenarioName(), jobs.get(i).variant().id(), d.ms()));
                if (d.scheduleText() != null) {
                    schedules.put(d.cell().key(), d.scheduleText());
                }
            }
            CompareReport.Settings settings = new CompareReport.Settings(perStrategy, PCT_DEPTH, dfsBudget, null,
                    dfsBudget > 0 ? DfsSearch.DEFAULT_STARVATION_BOUND : null, baseSeed, steps, Shrinker.DEFAULT_MAX_CANDIDATES);
            CompareReport.Header header = new CompareReport.Header(Version.get(), Provenance.commit(project.home()), date,
                    settings, Provenance.machine());
            full = new CompareReport(header, scenarioInfos, variantInfos, cells,
                    new CompareReport.Timings(totalMs, timings), part);
            if (part == null) { // a shard cannot see the other variants' verdicts: merge carries them instead
                CompareCarry.Result carried = CompareCarry.of(project, jobs, cells, steps, shownOut, staging);
                for (String note : carried.notes()) {
                    ctx.err().println("gcsim: compare: " + note);
                }
                cells = carried.cells();
                schedules.putAll(carried.schedules());
                full = new CompareReport(header, scenarioInfos, variantInfos, cells,
                        new CompareReport.Timings(totalMs, timings), part);
                full = full.withTransfers(CompareTransfers.of(project, sel.names(), sel.scenarios(), sel.variants(), cells, steps));
            }
            report = provenance ? full : full.withoutProvenance();
            expected = gate.forReport(project, report, fromFile);
            ReportOutput.write(staging, report, schedules, expected, gate.shown(project));
        } catch (IOException e) {
            Interrupts.onSignal(null);
            throw new BadInput("--out: cannot write the report to '" + outDir + "': " + AtomicFiles.describe(e)
                    + " (accepted: a folder whose parent is writable)");
        }
        Interrupts.onSignal(null);
        ctx.out().println("report: " + shownOut + "/summary.md, " + shownOut + "/report.md, " + shownOut + "/report.html, "
                + shownOut + "/report.json");
        int code = gate.apply(ctx, report, expected, shownOut + "/cells");
        return Math.max(code, CompareSummary.summarize(ctx, full));
    }

    /** On SIGINT or SIGTERM: keeps the schedules found so far and says what ran. */
    private static String interrupted(Staging staging, List<CompareCells.Done> done, int cells, String shown) {
        int ran;
        int failed = 0;
        synchronized (done) {
            ran = done.size();
            for (CompareCells.Done d : done) {
                failed += d.cell().verdict() instanceof Verdict.Fail ? 1 : 0;
            }
        }
        if (staging.published()) {
            return "compare interrupted after writing the report to " + shown + "/ (all " + cells + " cells ran)";
        }
        Path kept = staging.interrupt();
        return "compare interrupted: " + ran + " of " + cells + " cells ran, " + failed + " failed"
                + (kept == null ? "" : "; the failing schedules found are kept in " + kept)
                + "; the previous report in " + shown + "/ is unchanged";
    }

    private static long nonNegative(String option, String text) throws BadInput {
        if (text.strip().equals("0")) {
            return 0;
        }
        try {
            return Numbers.positiveLong(option, text);
        } catch (BadInput e) {
            throw new BadInput(option + ": '" + text + "' is not a whole number from 0 up (accepted: 0 to skip, or a positive"
                    + " whole number)");
        }
    }
}

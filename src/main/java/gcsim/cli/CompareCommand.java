package gcsim.cli;

import gcsim.compare.CellJob;
import gcsim.compare.CompareRun;
import gcsim.compare.Library;
import gcsim.report.AtomicFiles;
import gcsim.report.CompareProgress;
import gcsim.report.CompareReport;
import gcsim.report.Expected;
import gcsim.report.Provenance;
import gcsim.report.Staging;
import gcsim.variant.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    /**
     * Per cell random and PCT did not fail: with the starvation bound, the library's largest proof (gc,
     * about 30,300 executions under each variant) fits with a third to spare. The cells it cannot finish
     * have hundreds of thousands of distinct states or more, so a larger default only buys time, not
     * proofs: raise it for deeper evidence on one cell.
     */
    static final long DEFAULT_DFS_EXECUTIONS = 40_000;
    static final int PCT_DEPTH = 3;
    /**
     * Per cell the DFS leaves incomplete: enough to say how far the state space reaches (states,
     * transitions, depth) in well under a second, not to finish it (none of those cells finishes below
     * half a million states).
     */
    static final long DEFAULT_MAX_STATES = 2_000;

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

    @Option(names = "--no-sharing",
            description = "Run every cell's own search, even when a variant that agrees on every switch the scenario's"
                    + " runs read has run it already (the report is the same; this only takes longer).")
    boolean noSharing;

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
        long cpuAtStart = cpuMs();
        long perStrategy = Numbers.positiveLong("--budget", budget);
        long dfsBudget = nonNegative("--dfs-executions", dfsExecutions);
        long states = nonNegative("--max-states", maxStates);
        long baseSeed = Numbers.seed("--seed", seed);
        int steps = Numbers.positiveInt("--max-steps", maxSteps);
        int workers = Numbers.threads(threads);
        if (!Options.isDfs(exhaustiveSearch)) {
            throw new BadInput("--exhaustive: '" + gcsim.scenario.Text.shown(exhaustiveSearch) + "' is not one of "
                    + Options.DFS + ", " + Options.STATEFUL_DPOR);
        }
        CompareReport.Shard part = CompareSelection.shard(shard);
        Project project = ctx.project();
        CompareSelection sel = CompareSelection.resolve(project, scenarios, variants);
        Path outDir = out == null ? project.home().resolve("results") : Path.of(out).toAbsolutePath().normalize();
        String shownOut = ShownPath.shown(project.home(), outDir);
        Expected fromFile = gate.load(project);

        List<CellJob> jobs = new ArrayList<>();
        List<CompareReport.ScenarioInfo> scenarioInfos = new ArrayList<>();
        int position = 0;
        for (int s = 0; s < sel.names().size(); s++) {
            String sha = Target.sha256(sel.files().get(s));
            scenarioInfos.add(new CompareReport.ScenarioInfo(sel.names().get(s), sel.scenarios().get(s).summary(), sha));
            for (Variant v : sel.variants()) {
                if (part == null || part.owns(position)) {
                    jobs.add(new CellJob(sel.scenarios().get(s), sel.names().get(s),
                            Target.designation(project, sel.files().get(s)), sha, v));
                }
                position++;
            }
        }
        for (CellJob j : jobs) { // a name the file system refuses must fail now, not after every cell has run
            try {
                AtomicFiles.checkName(j.key() + ".schedule");
            } catch (IOException e) {
                throw new BadInput("cannot name the schedule file of " + j.label() + ": " + e.getMessage()
                        + " (accepted: shorter scenario names and variant ids)");
            }
        }
        Library library = new Library(sel.names(), sel.scenarios(), sel.variants(), scenarioInfos);
        CompareRun.Budgets budgets = new CompareRun.Budgets(perStrategy, PCT_DEPTH, dfsBudget, states,
                Options.STATEFUL_DPOR.equals(exhaustiveSearch), baseSeed, steps, workers, !noSharing);
        CompareReport.Header header = new CompareReport.Header(Version.get(), Provenance.commit(project.home()),
                Provenance.nowUtc(), budgets.settings(), Provenance.machine());

        CompareRun engine = new CompareRun(project, ReportOutput.scheduleFiles(shownOut), ctx.err());
        boolean previousReport = java.nio.file.Files.isRegularFile(outDir.resolve("report.json"));
        CompareReport full;
        CompareReport report;
        Expected expected;
        try (Staging staging = Staging.create(outDir);
             CompareProgress progress = new CompareProgress(ctx.err(), System.console() != null, jobs.size())) {
            Interrupts.onSignal(() -> interrupted(staging, progress, jobs.size(), shownOut, previousReport));
            CompareRun.Result result = engine.run(jobs, library, header, part, budgets, progress, staging);
            full = result.report();
            report = provenance ? full : full.withoutProvenance();
            expected = gate.forReport(project, report, fromFile);
            ReportOutput.write(staging, report, result.schedules(), expected, gate.shown(project));
        } catch (IOException e) {
            Interrupts.onSignal(null);
            throw new BadInput("--out: cannot write the report to '" + outDir + "': " + AtomicFiles.describe(e)
                    + " (accepted: a folder whose parent is writable)");
        }
        Interrupts.onSignal(null);
        ctx.out().println("report: " + shownOut + "/summary.md, " + shownOut + "/report.md, " + shownOut + "/report.html, "
                + shownOut + "/report.json");
        int code = gate.apply(ctx, report, expected, shownOut + "/cells");
        int summary = CompareSummary.summarize(ctx, full);
        ctx.out().println("cpu: " + Provenance.duration(cpuMs() - cpuAtStart) + " of CPU time on "
                + Runtime.getRuntime().availableProcessors() + " cores (the whole process, JVM and compilation included)");
        return Math.max(code, summary);
    }

    /** On SIGINT or SIGTERM: keeps the schedules found so far and says what ran and what the output folder holds. */
    static String interrupted(Staging staging, CompareProgress progress, int cells, String shown, boolean previousReport) {
        int ran = progress.cellsDone();
        int failed = progress.cellsFailing();
        if (staging.published()) {
            return "compare interrupted after writing the report to " + shown + "/ (all " + cells + " cells ran)";
        }
        Path kept = staging.interrupt();
        return "compare interrupted: " + ran + " of " + cells + " cells ran, " + failed + " failed"
                + (kept == null ? "" : "; the failing schedules found are kept in " + kept)
                + (previousReport ? "; the previous report in " + shown + "/ is unchanged" : "; nothing was written to " + shown + "/");
    }

    /** CPU time of the whole process so far: the machine is shared, so wall time alone says little. */
    private static long cpuMs() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
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

package gcsim.cli;

import gcsim.scenario.Text;
import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.report.AtomicFiles;
import gcsim.report.Cell;
import gcsim.report.Cells;
import gcsim.report.CompareProgress;
import gcsim.report.CompareReport;
import gcsim.report.HtmlReport;
import gcsim.report.MarkdownReport;
import gcsim.report.Provenance;
import gcsim.report.ReportJson;
import gcsim.report.Staging;
import gcsim.report.Verdict;
import gcsim.scenario.Scenario;
import gcsim.search.CellCheck;
import gcsim.search.DfsExhaustive;
import gcsim.search.Exhaustive;
import gcsim.search.SearchCrash;
import gcsim.search.Shrinker;
import gcsim.variant.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code gcsim compare}: every scenario under every variant, one verdict per cell, and one report
 * (JSON, Markdown, HTML, and a schedule file per counterexample) that shows which patch idea of
 * NixOS/nix PR #15158 closes which race, with a shrunk, replayable counterexample for every failure.
 *
 * <p>Per cell: a random walk and then PCT, {@code --budget} schedules each, stopping at the first
 * failure; when neither fails, an exhaustive search of up to {@code --dfs-executions} executions,
 * which can prove the cell within its bounds. A failure is shrunk to few preemptions and replayed
 * with the trace on for its story. Verdicts depend only on the options and the project, never on
 * the machine or the number of threads; timings appear only in the report's header and footer.
 *
 * <p>Exit codes: 0 when the report was written, whatever the verdicts; 2 for bad input; 3 for an
 * internal error, including a cell on which gcsim itself failed (the report is still written, with
 * that cell marked {@code error}).
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, sortSynopsis = false,
        versionProvider = Version.Provider.class,
        description = "Runs every scenario under every variant and writes the verdict report (results/ by default).")
final class CompareCommand implements Callable<Integer> {
    static final long DEFAULT_BUDGET = 20_000;
    /**
     * Per passing cell. With the starvation bound keeping retry loops short, the whole library runs
     * in about six minutes on two cores at this budget, within compare's ten-minute target, and it
     * verifies every cell of hosts-drv, gc and fetch-cache-hit that does not fail.
     */
    static final long DEFAULT_DFS_EXECUTIONS = 200_000;
    static final int PCT_DEPTH = 3;
    static final String FAILURES = "failures";
    static final List<String> REPORT_FILES = List.of("report.json", "report.md", "report.html");

    @Option(names = "--scenarios", paramLabel = "a,b", description = "Scenario names to compare (default: all in scenarios/).")
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

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Base seed (default: ${DEFAULT-VALUE}).")
    String seed;

    @Option(names = "--max-steps", paramLabel = "N", defaultValue = "100000",
            description = "Step bound per execution; longer ones are cut (default: ${DEFAULT-VALUE}).")
    String maxSteps;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: one per processor).")
    String threads;

    private final Context ctx;

    CompareCommand(Context ctx) {
        this.ctx = ctx;
    }

    /** One cell to run. */
    private record Job(Scenario scenario, String scenarioName, Variant variant) {
        String label() {
            return scenarioName + " × " + variant.id();
        }
    }

    /** A finished cell, with its schedule file's text when it failed. */
    private record Done(Cell cell, String scheduleText, long ms) {}

    @Override
    public Integer call() throws Exception {
        long perStrategy = Numbers.positiveLong("--budget", budget);
        long dfsAsked = nonNegative("--dfs-executions", dfsExecutions);
        long baseSeed = Numbers.seed("--seed", seed);
        int steps = Numbers.positiveInt("--max-steps", maxSteps);
        int workers = Numbers.threads(threads);
        Project project = ctx.project();

        List<String> scenarioNames = pick("--scenarios", scenarios, Target.scenarioNames(project), "scenario");
        List<Variant> allVariants = Target.variants(project);
        List<String> variantIds = pick("--variants", variants,
                allVariants.stream().map(Variant::id).collect(Collectors.toList()), "variant");
        List<Variant> chosen = new ArrayList<>();
        for (Variant v : allVariants) {
            if (variantIds.contains(v.id())) {
                chosen.add(v);
            }
        }
        List<Scenario> loaded = new ArrayList<>();
        for (String name : scenarioNames) {
            loaded.add(project.loadScenario(project.scenariosDir().resolve(name + ".yaml")));
        }
        Path outDir = out == null ? project.home().resolve("results") : Path.of(out).toAbsolutePath().normalize();
        String shown = shown(project.home(), outDir);

        Exhaustive exhaustive = new DfsExhaustive(null);
        long dfsBudget = dfsAsked;
        String date = Provenance.nowUtc();
        long start = System.nanoTime();
        List<Job> jobs = new ArrayList<>();
        for (int s = 0; s < loaded.size(); s++) {
            for (Variant v : chosen) {
                jobs.add(new Job(loaded.get(s), scenarioNames.get(s), v));
            }
        }
        for (Job j : jobs) { // a name the file system refuses must fail now, not after every cell has run
            try {
                AtomicFiles.checkName(scheduleName(j));
            } catch (IOException e) {
                throw new BadInput("cannot name the schedule file of " + j.label() + ": " + e.getMessage()
                        + " (accepted: shorter scenario names and variant ids)");
            }
        }
        int atOnce = Math.max(1, Math.min(workers, jobs.size()));
        CellCheck.Budget cellBudget = new CellCheck.Budget(perStrategy, PCT_DEPTH, dfsBudget, baseSeed, Math.max(1, workers / atOnce));

        List<Done> done = new ArrayList<>(); // guarded by itself: the signal handler reads it
        try (Staging staging = Staging.create(outDir);
             CompareProgress progress = new CompareProgress(ctx.err(), System.console() != null, jobs.size())) {
            ExecutorService pool = Executors.newFixedThreadPool(atOnce, r -> {
                Thread t = new Thread(r, "gcsim-compare");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<Done>> futures = new ArrayList<>();
                Interrupts.onSignal(() -> interrupted(staging, done, jobs.size(), shown));
                for (Job j : jobs) {
                    futures.add(pool.submit(() -> runCell(j, cellBudget, exhaustive, steps, shown, progress, staging)));
                }
                for (Future<Done> f : futures) {
                    Done d = await(f);
                    synchronized (done) {
                        done.add(d);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            long totalMs = (System.nanoTime() - start) / 1_000_000;
            CompareReport report = report(project, date, scenarioNames, loaded, chosen, jobs, done, perStrategy, dfsBudget,
                    baseSeed, steps, totalMs);
            for (Done d : done) {
                if (d.scheduleText() != null) {
                    staging.write(FAILURES + "/" + d.cell().key() + ".schedule", d.scheduleText());
                }
            }
            staging.write("report.json", ReportJson.render(report));
            staging.write("report.md", MarkdownReport.render(report));
            staging.write("report.html", HtmlReport.render(report));
            staging.publish(FAILURES, REPORT_FILES);
        } catch (IOException e) {
            Interrupts.onSignal(null);
            throw new BadInput("--out: cannot write the report to '" + outDir + "': " + AtomicFiles.describe(e)
                    + " (accepted: a folder whose parent is writable)");
        }
        Interrupts.onSignal(null);
        return summarize(done, shown, (System.nanoTime() - start) / 1_000_000);
    }

    /** The file name of a cell's schedule under {@code failures/}. */
    private static String scheduleName(Job j) {
        return j.scenarioName() + "--" + j.variant().id() + ".schedule";
    }

    /** On SIGINT or SIGTERM: keeps the schedules found so far and says what ran. */
    private static String interrupted(Staging staging, List<Done> done, int cells, String shown) {
        int ran;
        int failed = 0;
        synchronized (done) {
            ran = done.size();
            for (Done d : done) {
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

    private Done runCell(Job j, CellCheck.Budget budget, Exhaustive exhaustive, int steps, String shown,
                         CompareProgress progress, Staging staging) {
        long t0 = System.nanoTime();
        CompareProgress.CellMeter meter = progress.startCell();
        Cell cell;
        String scheduleText = null;
        Project project = ctx.project();
        try {
            CellCheck.Outcome o = CellCheck.run(() -> project.executor(j.scenario(), j.variant(), steps),
                    () -> project.executor(j.scenario(), j.variant(), steps, DfsSearch.DEFAULT_STARVATION_BOUND), budget,
                    exhaustive, meter);
            Cells.Evidence evidence = null;
            if (o.found() != null) {
                Executor e = project.executor(j.scenario(), j.variant(), steps);
                Shrinker.Result shrunk = new Shrinker(e).shrink(o.found().result());
                ReplayStrategy replay = new ReplayStrategy(shrunk.schedule());
                RunResult traced = e.run(replay, true);
                if (!replay.exhausted() || !Shrinker.sameFailure(traced.failure(), o.found().result().failure())) {
                    throw new IllegalStateException("the shrunk schedule did not replay to the same failure (found: "
                            + o.found().result().failure() + ", replayed: " + traced.failure() + ")");
                }
                String file = shown + "/" + FAILURES + "/" + scheduleName(j);
                evidence = new Cells.Evidence(shrunk, traced, file, "sim/gcsim replay --schedule " + Shell.quote(file));
                scheduleText = new ScheduleFile(Version.get(), j.scenarioName(), j.variant().id(), shrunk.schedule().encode(),
                        steps == Reports.DEFAULT_MAX_STEPS ? null : steps).text();
                try { // kept at once: an interrupted run keeps every failure found so far
                    staging.write(FAILURES + "/" + scheduleName(j), scheduleText);
                } catch (IOException io) {
                    throw new UncheckedIOException(io);
                }
            }
            cell = Cells.of(j.scenarioName(), j.variant().id(), o, evidence);
        } catch (SearchCrash c) {
            cell = Cells.error(j.scenarioName(), j.variant().id(), c.getMessage());
        } catch (RuntimeException e) {
            cell = Cells.error(j.scenarioName(), j.variant().id(), Errors.oneLine(String.valueOf(e)));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        progress.cellDone(meter, j.label(), cell.verdict(), ms);
        return new Done(cell, scheduleText, ms);
    }

    private static Done await(Future<Done> f) throws InterruptedException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) {
                throw r;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    private static CompareReport report(Project project, String date, List<String> names, List<Scenario> loaded,
                                        List<Variant> chosen, List<Job> jobs, List<Done> done, long perStrategy,
                                        long dfsBudget, long baseSeed, int steps, long totalMs) {
        List<CompareReport.ScenarioInfo> scenarioInfos = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            scenarioInfos.add(new CompareReport.ScenarioInfo(names.get(i), loaded.get(i).summary()));
        }
        List<CompareReport.VariantInfo> variantInfos = new ArrayList<>();
        for (Variant v : chosen) {
            variantInfos.add(new CompareReport.VariantInfo(v.id(), v.description()));
        }
        List<Cell> cells = new ArrayList<>();
        List<CompareReport.CellTiming> timings = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            cells.add(done.get(i).cell());
            timings.add(new CompareReport.CellTiming(jobs.get(i).scenarioName(), jobs.get(i).variant().id(), done.get(i).ms()));
        }
        CompareReport.Settings settings = new CompareReport.Settings(perStrategy, PCT_DEPTH, dfsBudget, null,
                dfsBudget > 0 ? DfsSearch.DEFAULT_STARVATION_BOUND : null, baseSeed, steps, Shrinker.DEFAULT_MAX_CANDIDATES);
        CompareReport.Header header = new CompareReport.Header(Version.get(), Provenance.commit(project.home()), date,
                settings, Provenance.machine());
        return new CompareReport(header, scenarioInfos, variantInfos, cells, new CompareReport.Timings(totalMs, timings));
    }

    /** Prints where the report went and the verdict counts; exit 3 when some cell hit a gcsim error. */
    private int summarize(List<Done> done, String shown, long ms) {
        int fail = 0;
        int verified = 0;
        int pass = 0;
        int error = 0;
        for (Done d : done) {
            Verdict v = d.cell().verdict();
            if (v instanceof Verdict.Fail) {
                fail++;
            } else if (v instanceof Verdict.Verified) {
                verified++;
            } else if (v instanceof Verdict.Pass) {
                pass++;
            } else {
                error++;
            }
        }
        ctx.out().println("report: " + shown + "/report.md, " + shown + "/report.html, " + shown + "/report.json");
        ctx.out().println("cells: " + done.size() + " (" + fail + " fail, " + verified + " verified, " + pass + " pass, "
                + error + " error)");
        ctx.err().println("gcsim: compare took " + ms + " ms");
        if (error > 0) {
            ctx.err().println("gcsim: internal error: gcsim failed on " + error + " cell(s); the report marks them 'error'");
            return Errors.INTERNAL;
        }
        return 0;
    }

    /** The names asked for (comma-separated), checked against {@code accepted}; all of them when none were given. */
    private static List<String> pick(String option, String given, List<String> accepted, String what) throws BadInput {
        if (accepted.isEmpty()) {
            throw new BadInput(option + ": no " + what + "s found in the project (accepted: a project with scenarios/ and"
                    + " scenarios/variants.yaml; run through sim/gcsim or from the project root)");
        }
        if (given == null) {
            return accepted;
        }
        List<String> out = new ArrayList<>();
        for (String raw : given.split(",", -1)) {
            String name = raw.strip();
            if (!accepted.contains(name)) {
                throw new BadInput(option + ": unknown " + what + " '" + Text.shown(name) + "' (accepted: " + String.join(", ", accepted) + ")");
            }
            if (!out.contains(name)) {
                out.add(name);
            }
        }
        List<String> ordered = new ArrayList<>();
        for (String a : accepted) {
            if (out.contains(a)) {
                ordered.add(a);
            }
        }
        return ordered;
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

    /** The output folder as the replay command should name it: relative to the project when inside it. */
    private static String shown(Path home, Path outDir) {
        Path h = home.toAbsolutePath().normalize();
        Path o = outDir.toAbsolutePath().normalize();
        String s = o.startsWith(h) && !o.equals(h) ? h.relativize(o).toString() : o.toString();
        return s.replace('\\', '/');
    }

}

package gcsim.compare;

import gcsim.report.Cell;
import gcsim.report.CompareProgress;
import gcsim.report.CompareReport;
import gcsim.report.Staging;
import gcsim.report.TransferRow;
import gcsim.search.CellCheck;
import gcsim.search.DfsExhaustive;
import gcsim.search.Exhaustive;
import gcsim.search.Shrinker;
import gcsim.search.StatefulExhaustive;
import gcsim.search.dfs.DfsOptions;
import gcsim.search.stateful.StatefulOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The engine of {@code gcsim compare}: checks every cell on a pool of worker threads, shrinks each
 * failure, carries counterexamples between variants, follows each one under every other variant, and
 * hands back the report, which the command line writes.
 *
 * <p>Why the work is split this way: a cell's check ({@link CellCheck}) and its shrink depend only on
 * the cell, so cells run in parallel; carrying and the transfer table read every variant's verdict,
 * so they run after the last cell, sequentially and in report order. The report is then the same on
 * any machine and with any number of threads: only the timings, which the report leaves out unless
 * asked, depend on the run.
 */
public final class CompareRun {
    /** The output folder's subfolder of schedule files. */
    public static final String FAILURES = "failures";

    /** A finished cell, with its schedule file's text when it failed, and how long it took. */
    public record Done(Cell cell, String scheduleText, long ms) {}

    /**
     * What every cell gets.
     *
     * @param schedules schedules for the random walk, and again for PCT
     * @param dfsExecutions the exhaustive search's executions per cell; 0 skips it
     * @param maxStates distinct states for the stateful search of a cell the DFS left incomplete; 0 skips it
     * @param visitedSet true for the depth-first search with a visited set (stateful DPOR)
     * @param share let a cell take the check of a finished cell of its scenario whose variant agrees on
     *     every switch that check read ({@link SharedRuns}); the report is the same either way
     */
    public record Budgets(long schedules, int pctDepth, long dfsExecutions, long maxStates, boolean visitedSet, long seed,
                          int maxSteps, int threads, boolean share) {
        /** The budgets as the report states them. */
        public CompareReport.Settings settings() {
            return new CompareReport.Settings(schedules, pctDepth, dfsExecutions, null,
                    dfsExecutions > 0 ? DfsOptions.DEFAULT_STARVATION_BOUND : null, seed, maxSteps,
                    Shrinker.DEFAULT_MAX_CANDIDATES);
        }
    }

    /** The report (with timings; strip them for a report without provenance) and each failing cell's schedule file. */
    public record Result(CompareReport report, Map<String, String> schedules) {}

    private final ExecutorSource executors;
    private final ScheduleFiles files;
    private final PrintStream log;

    /** @param log where progress, the stateful search's lines and carrying notes go */
    public CompareRun(ExecutorSource executors, ScheduleFiles files, PrintStream log) {
        this.executors = executors;
        this.files = files;
        this.log = log;
    }

    /**
     * Runs the cells and assembles the report.
     *
     * @param jobs the cells to run, in report order
     * @param library every cell of the selection; carrying and transfers run only when {@code part} is null
     * @param header the report's header, its settings from {@link Budgets#settings()}
     * @param part the shard this run is, or null for the whole selection
     * @param staging where schedule files are kept as soon as they are found
     */
    public Result run(List<CellJob> jobs, Library library, CompareReport.Header header, CompareReport.Shard part,
                      Budgets budgets, CompareProgress progress, Staging staging) throws InterruptedException {
        long start = System.nanoTime();
        int atOnce = Math.max(1, Math.min(budgets.threads(), jobs.size()));
        CellCheck.Budget cellBudget = new CellCheck.Budget(budgets.schedules(), budgets.pctDepth(), budgets.dfsExecutions(),
                budgets.seed(), Math.max(1, budgets.threads() / atOnce));
        log.println("gcsim: compare: " + jobs.size() + " cells" + (part == null ? "" : " (shard " + part + " of "
                + library.cells() + ")") + " on " + atOnce + " thread(s); progress and an estimate of the time left follow");
        ExecutorService pool = Executors.newFixedThreadPool(atOnce, r -> {
            Thread t = new Thread(r, "gcsim-compare");
            t.setDaemon(true);
            return t;
        });
        SharedRuns shared = budgets.share() ? new SharedRuns() : null;
        List<Done> done = new ArrayList<>();
        try {
            List<Future<Done>> futures = new ArrayList<>(java.util.Collections.nCopies(jobs.size(), null));
            for (int i : startOrder(jobs, library)) {
                CellJob j = jobs.get(i);
                Exhaustive exhaustive = exhaustive(j, budgets);
                futures.set(i, pool.submit(() -> CellRun.run(executors, files, j, cellBudget, exhaustive, budgets.maxSteps(),
                        progress, staging, shared)));
            }
            for (Future<Done> f : futures) {
                done.add(CellRun.await(f));
            }
        } finally {
            pool.shutdownNow();
        }
        List<Cell> cells = new ArrayList<>();
        List<CompareReport.CellTiming> timings = new ArrayList<>();
        Map<String, String> schedules = new TreeMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            Done d = done.get(i);
            cells.add(d.cell());
            timings.add(new CompareReport.CellTiming(jobs.get(i).scenarioName(), jobs.get(i).variant().id(), d.ms()));
            if (d.scheduleText() != null) {
                schedules.put(d.cell().key(), d.scheduleText());
            }
        }
        List<TransferRow> transfers = null;
        if (part == null) { // a shard cannot see the other variants' verdicts: merge carries them instead
            Carry.Result carried = Carry.of(executors, files, jobs, cells, budgets.maxSteps(), staging);
            for (String note : carried.notes()) {
                log.println("gcsim: compare: " + note);
            }
            schedules.putAll(carried.schedules());
            cells = carried.cells();
            transfers = Transfers.of(executors, library.names(), library.scenarios(), library.variants(), cells,
                    budgets.maxSteps());
        }
        // the whole run, carrying and transfers included: what a user waits for before the report is written
        CompareReport.Timings timed = new CompareReport.Timings((System.nanoTime() - start) / 1_000_000, timings);
        CompareReport full = new CompareReport(header, library.scenarioInfos(), library.variantInfos(), cells, timed, part);
        if (transfers != null) {
            full = full.withTransfers(transfers);
        }
        return new Result(full, schedules);
    }

    /**
     * The order in which cells start: each variant across every scenario before the next variant, so
     * that a scenario's first cells have usually finished when its later ones start and can be shared
     * ({@link SharedRuns}). Only the time depends on it; the report lists cells in {@code jobs}' order.
     */
    private static List<Integer> startOrder(List<CellJob> jobs, Library library) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            order.add(i);
        }
        order.sort(java.util.Comparator.comparingInt((Integer i) -> library.variants().indexOf(jobs.get(i).variant()))
                .thenComparingInt(i -> i));
        return order;
    }

    /** The DFS, then (when asked) the stateful search on a cell it leaves incomplete, logging its figures. */
    private Exhaustive exhaustive(CellJob j, Budgets budgets) {
        Exhaustive first = new DfsExhaustive(null, budgets.visitedSet());
        return budgets.maxStates() == 0 ? first : new StatefulExhaustive(first,
                StatefulOptions.defaults().withMaxStates(budgets.maxStates()),
                line -> log.println("gcsim: stateful: " + j.label() + ": " + line));
    }
}

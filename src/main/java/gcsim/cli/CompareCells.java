package gcsim.cli;

import gcsim.report.Staging;
import java.io.IOException;
import java.io.UncheckedIOException;
import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.report.Cell;
import gcsim.report.Cells;
import gcsim.report.CompareProgress;
import gcsim.scenario.Scenario;
import gcsim.search.CellCheck;
import gcsim.search.Exhaustive;
import gcsim.search.SearchCrash;
import gcsim.search.Shrinker;
import gcsim.variant.Variant;

/**
 * Runs one cell of {@code compare}: the check, and for a failure the shrink, the traced replay and
 * the schedule file. Everything it returns but the milliseconds is a function of the inputs.
 */
final class CompareCells {
    private CompareCells() {}

    /** One cell to run. */
    record Job(Scenario scenario, String scenarioName, String designation, String sha256, Variant variant) {
        String label() {
            return scenarioName + " × " + variant.id();
        }

        String key() {
            return scenarioName + "--" + variant.id();
        }
    }

    /** A finished cell, with its schedule file's text when it failed. */
    record Done(Cell cell, String scheduleText, long ms) {}

    /** A failure shrunk, replayed with its trace, and its schedule file's text (already kept in staging). */
    record Shrunk(Cells.Evidence evidence, String scheduleText) {}

    /**
     * Shrinks a failing execution of the cell's scenario and variant, replays it traced, and keeps its
     * schedule file at once, so an interrupted run keeps every failure found so far.
     */
    static Shrunk shrink(Project project, Job j, RunResult failing, int steps, String shownOut, Staging keep) {
        Executor e = project.executor(j.scenario(), j.variant(), steps);
        Shrinker.Result shrunk = new Shrinker(e).shrink(failing);
        ReplayStrategy replay = new ReplayStrategy(shrunk.schedule());
        RunResult traced = e.run(replay, true);
        if (!replay.exhausted() || !Shrinker.sameFailure(traced.failure(), failing.failure())) {
            throw new IllegalStateException("the shrunk schedule did not replay to the same failure (found: "
                    + failing.failure() + ", replayed: " + traced.failure() + ")");
        }
        String file = ReportOutput.scheduleFile(shownOut, j.key());
        Cells.Evidence evidence = new Cells.Evidence(shrunk, traced, file, ReportOutput.replay(file));
        String scheduleText = new ScheduleFile(Version.get(), j.designation(), j.variant().id(), shrunk.schedule().encode(),
                steps == Reports.DEFAULT_MAX_STEPS ? null : steps, j.sha256()).text();
        if (keep != null) {
            try {
                keep.write(ReportOutput.FAILURES + "/" + j.key() + ".schedule", scheduleText);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
        return new Shrunk(evidence, scheduleText);
    }

    static Done run(Project project, Job j, CellCheck.Budget budget, Exhaustive exhaustive, int steps, String shownOut,
                    CompareProgress progress, Staging keep) {
        long t0 = System.nanoTime();
        CompareProgress.CellMeter meter = progress.startCell(j.label());
        Cell cell;
        String scheduleText = null;
        try {
            CellCheck.Outcome o = CellCheck.run(() -> project.executor(j.scenario(), j.variant(), steps),
                    () -> project.executor(j.scenario(), j.variant(), steps, DfsSearch.DEFAULT_STARVATION_BOUND), budget,
                    exhaustive, meter);
            Cells.Evidence evidence = null;
            if (o.found() != null) {
                Shrunk shrunk = shrink(project, j, o.found().result(), steps, shownOut, keep);
                evidence = shrunk.evidence();
                scheduleText = shrunk.scheduleText();
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

    /** The cell's result, rethrowing what its thread threw as it was. */
    static Done await(java.util.concurrent.Future<Done> f) throws InterruptedException {
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
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
}

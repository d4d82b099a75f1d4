package gcsim.compare;

import gcsim.check.Executor;
import gcsim.check.RunResult;
import gcsim.kernel.ReplayStrategy;
import gcsim.report.Cell;
import gcsim.report.Cells;
import gcsim.report.CompareProgress;
import gcsim.report.Staging;
import gcsim.search.CellCheck;
import gcsim.search.Exhaustive;
import gcsim.search.SearchCrash;
import gcsim.search.Shrinker;
import gcsim.search.dfs.DfsOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * Runs one cell of a compare run: the check, and for a failure the shrink, the traced replay and the
 * schedule file. Everything it returns but the milliseconds is a function of the inputs.
 */
final class CellRun {
    private CellRun() {}

    /** A failure shrunk, replayed with its trace, and its schedule file's text (already kept in staging). */
    record Shrunk(Cells.Evidence evidence, String scheduleText) {}

    /**
     * Shrinks a failing execution of the job's scenario and variant, replays it traced, and keeps its
     * schedule file at once, so an interrupted run keeps every failure found so far.
     *
     * @param keep where the schedule file is kept at once, or null
     */
    static Shrunk shrink(ExecutorSource source, ScheduleFiles files, CellJob j, RunResult failing, int steps, Staging keep) {
        Executor e = source.executor(j.scenario(), j.variant(), steps);
        Shrinker.Result shrunk = new Shrinker(e).shrink(failing);
        ReplayStrategy replay = new ReplayStrategy(shrunk.schedule());
        RunResult traced = e.run(replay, true);
        if (!replay.exhausted() || !Shrinker.sameFailure(traced.failure(), failing.failure())) {
            throw new IllegalStateException("the shrunk schedule did not replay to the same failure (found: "
                    + failing.failure() + ", replayed: " + traced.failure() + ")");
        }
        String file = files.path(j.key());
        Cells.Evidence evidence = new Cells.Evidence(shrunk, traced, file, files.replayCommand(file));
        String scheduleText = files.text(j, shrunk.schedule().encode(), steps);
        if (keep != null) {
            try {
                keep.write(CompareRun.FAILURES + "/" + j.key() + ".schedule", scheduleText);
            } catch (IOException io) {
                throw new UncheckedIOException(io);
            }
        }
        return new Shrunk(evidence, scheduleText);
    }

    /**
     * Checks the cell, or takes the outcome of a finished cell of the same scenario whose variant agrees
     * with this one on every switch its executions read ({@link SharedRuns}); a crash of gcsim itself
     * becomes an {@code error} cell, never a lost run.
     *
     * @param shared the finished checks to take from and add to, or null to run every cell's own
     */
    static CompareRun.Done run(ExecutorSource source, ScheduleFiles files, CellJob j, CellCheck.Budget budget,
                               Exhaustive exhaustive, int steps, CompareProgress progress, Staging keep,
                               SharedRuns shared) {
        long t0 = System.nanoTime();
        CompareProgress.CellMeter meter = progress.startCell(j.label());
        Cell cell;
        String scheduleText = null;
        String note = "";
        try {
            SharedRuns.Run from = shared == null ? null : shared.match(j.scenarioName(), j.variant());
            CellCheck.Outcome o;
            if (from != null) {
                o = SharedRuns.take(from, source.executor(j.scenario(), j.variant(), steps),
                        source.executor(j.scenario(), j.variant(), steps, DfsOptions.DEFAULT_STARVATION_BOUND)).outcome();
                note = "the same runs as under " + from.variant();
            } else {
                List<Executor> made = Collections.synchronizedList(new ArrayList<>());
                o = CellCheck.run(() -> made(made, source.executor(j.scenario(), j.variant(), steps)),
                        () -> made(made, source.executor(j.scenario(), j.variant(), steps,
                                DfsOptions.DEFAULT_STARVATION_BOUND)), budget, exhaustive, meter);
                if (shared != null) {
                    int read = 0;
                    synchronized (made) {
                        for (Executor e : made) {
                            read |= e.switchesRead();
                        }
                    }
                    shared.add(j.scenarioName(), new SharedRuns.Run(j.variant().id(), j.variant().switches(), read, o));
                }
            }
            Cells.Evidence evidence = null;
            if (o.found() != null) {
                Shrunk shrunk = shrink(source, files, j, o.found().result(), steps, keep);
                evidence = shrunk.evidence();
                scheduleText = shrunk.scheduleText();
            }
            cell = Cells.of(j.scenarioName(), j.variant().id(), o, evidence);
        } catch (SearchCrash c) {
            cell = Cells.error(j.scenarioName(), j.variant().id(), c.getMessage());
        } catch (RuntimeException e) {
            cell = Cells.error(j.scenarioName(), j.variant().id(), oneLine(String.valueOf(e)));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        progress.cellDone(meter, j.label(), cell.verdict(), ms, note);
        return new CompareRun.Done(cell, scheduleText, ms);
    }

    private static Executor made(List<Executor> made, Executor e) {
        made.add(e);
        return e;
    }

    /** The cell's result, rethrowing what its thread threw as it was. */
    static CompareRun.Done await(Future<CompareRun.Done> f) throws InterruptedException {
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

    /** A message on one line, for a report cell. */
    static String oneLine(String s) {
        return s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}

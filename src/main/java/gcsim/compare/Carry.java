package gcsim.compare;

import gcsim.check.RunResult;
import gcsim.kernel.Schedule;
import gcsim.report.Cell;
import gcsim.report.Cells;
import gcsim.report.Staging;
import gcsim.report.Verdict;
import gcsim.search.transfer.Transfer;
import gcsim.search.transfer.TransferOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * After every search of a compare run: carries each failure found under one variant to the other
 * variants of the same scenario whose own search found none, and makes a cell {@code fail}, carried
 * from that variant, when the carried counterexample fails the same way there.
 *
 * <p>Why: a search samples, so it can find a window under one variant and miss it under another
 * that has it too (gc-non-blocking failed under drv-and-refs by PCT's luck and passed under
 * drv-only). The matrix would then show a difference between the variants that is only search luck.
 * A counterexample carried by meaning ({@link Transfer}) that fails the same way is evidence as good
 * as one found there: it is shrunk and replayed like any other and gets its own schedule file. The
 * cell keeps its own search's figures, and its verdict says where the failure came from.
 *
 * <p>Deterministic: cells in report order, the first failing variant (in variant order) whose
 * counterexample fails the same way wins; only counterexamples a search found are carried, never
 * carried ones. A different failure or a closed window leaves the cell as its search left it (the
 * transfer table reports it). Cells that ended in an error are left alone.
 */
public final class Carry {
    private Carry() {}

    /** The cells after carrying, and the schedule files of the cells that became carried failures. */
    public record Result(List<Cell> cells, Map<String, String> schedules, List<String> notes) {}

    /**
     * @param jobs the cells' jobs, in the same order as {@code cells}
     * @param keep where schedule files are kept at once, or null
     */
    public static Result of(ExecutorSource executors, ScheduleFiles files, List<CellJob> jobs, List<Cell> cells, int steps,
                            Staging keep) {
        List<Cell> out = new ArrayList<>(cells);
        Map<String, String> schedules = new TreeMap<>();
        List<String> notes = new ArrayList<>();
        for (int t = 0; t < cells.size(); t++) {
            Cell target = cells.get(t);
            if (!(target.verdict() instanceof Verdict.Pass || target.verdict() instanceof Verdict.Verified)) {
                continue;
            }
            CellJob job = jobs.get(t);
            for (int s = 0; s < cells.size(); s++) {
                Cell source = cells.get(s);
                if (!source.scenario().equals(target.scenario()) || source.counterexample() == null
                        || !(source.verdict() instanceof Verdict.Fail f) || f.carried()) {
                    continue;
                }
                RunResult moved = sameFailure(executors, jobs.get(s), source, job, steps);
                if (moved == null) {
                    continue;
                }
                CellRun.Shrunk shrunk = CellRun.shrink(executors, files, job, moved, steps, keep);
                Cell carried = Cells.carried(target, source.variant(), shrunk.evidence());
                out.set(t, carried);
                schedules.put(carried.key(), shrunk.scheduleText());
                notes.add(job.label() + ": fails with the counterexample carried from " + source.variant()
                        + " (its own search found none)");
                break;
            }
        }
        return new Result(List.copyOf(out), schedules, List.copyOf(notes));
    }

    /** The source's counterexample followed under the target's variant, when it fails the same way; else null. */
    private static RunResult sameFailure(ExecutorSource executors, CellJob from, Cell found, CellJob to, int steps) {
        try {
            TransferOutcome o = Transfer.of(executors.executor(from.scenario(), from.variant(), steps),
                    Schedule.decode(found.counterexample().choices()), executors.executor(to.scenario(), to.variant(), steps));
            return o.kind() == TransferOutcome.Kind.SAME_FAILURE ? o.transferred() : null;
        } catch (RuntimeException e) { // the transfer table says why it could not run; the cell keeps its verdict
            return null;
        }
    }
}

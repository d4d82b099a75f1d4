package gcsim.cli;

import gcsim.report.Cell;
import gcsim.report.CompareReport;
import gcsim.report.Provenance;
import gcsim.report.Verdict;

/** The lines compare and merge print on stdout once the report is written; the exit code for cells in error. */
final class CompareSummary {
    private CompareSummary() {}

    /**
     * Prints the verdict counts and, on stdout only, where and when the run happened (the report
     * files leave that out); exit 3 when some cell hit a gcsim error.
     */
    static int summarize(Context ctx, CompareReport r) {
        int fail = 0;
        int carried = 0;
        int verified = 0;
        int pass = 0;
        int error = 0;
        for (Cell c : r.cells()) {
            Verdict v = c.verdict();
            if (v instanceof Verdict.Fail f) {
                fail++;
                carried += f.carried() ? 1 : 0;
            } else if (v instanceof Verdict.Verified) {
                verified++;
            } else if (v instanceof Verdict.Pass) {
                pass++;
            } else {
                error++;
            }
        }
        ctx.out().println("cells: " + r.cells().size() + " (" + fail + " fail"
                + (carried == 0 ? "" : ", " + carried + " of them carried from another variant") + ", " + verified
                + " verified, " + pass + " pass, " + error + " error)");
        CompareReport.Header h = r.header();
        if (h.date() != null) {
            ctx.out().println("provenance: gcsim " + h.version() + ", commit " + h.commit() + ", started " + h.date() + ", "
                    + h.machine().cores() + " cores, " + h.machine().jvm()
                    + (r.timings() == null ? "" : ", took " + Provenance.duration(r.timings().totalMs())));
        }
        if (error > 0) {
            ctx.err().println("gcsim: internal error: gcsim failed on " + error + " cell(s); the report marks them 'error'");
            return Errors.INTERNAL;
        }
        return 0;
    }
}

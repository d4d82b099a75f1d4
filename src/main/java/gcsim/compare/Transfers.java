package gcsim.compare;

import gcsim.kernel.Schedule;
import gcsim.report.Cell;
import gcsim.report.TransferRow;
import gcsim.report.Verdict;
import gcsim.scenario.Scenario;
import gcsim.search.transfer.Transfer;
import gcsim.search.transfer.TransferOutcome;
import gcsim.variant.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * For compare: carries each cell's counterexample to every other variant of its scenario, one replay
 * pair per cell, sequentially and in cell order, so the matrix is the same on every machine.
 */
public final class Transfers {
    private Transfers() {}

    /**
     * @param cells scenario-major, as the report lists them
     * @param scenarios the loaded scenarios, by the names the cells use
     */
    public static List<TransferRow> of(ExecutorSource executors, List<String> names, List<Scenario> scenarios, List<Variant> variants,
                                List<Cell> cells, int maxSteps) {
        List<TransferRow> rows = new ArrayList<>();
        for (Cell c : cells) {
            if (c.counterexample() == null || c.verdict() instanceof Verdict.Fail f && f.carried()) {
                continue; // a carried counterexample is the row of the variant it came from
            }
            Scenario scenario = scenarios.get(names.indexOf(c.scenario()));
            Variant own = find(variants, c.variant());
            Schedule schedule = Schedule.decode(c.counterexample().choices());
            List<TransferRow.Entry> entries = new ArrayList<>();
            for (Variant v : variants) {
                Cell there = cell(cells, c.scenario(), v.id());
                String search = there == null ? null : there.verdict().kind();
                if (v.id().equals(own.id())) {
                    entries.add(new TransferRow.Entry(v.id(), "counterexample", c.counterexample().failure().step(),
                            "found by the search", search));
                    continue;
                }
                try {
                    TransferOutcome o = Transfer.of(executors.executor(scenario, own, maxSteps), schedule,
                            executors.executor(scenario, v, maxSteps));
                    entries.add(new TransferRow.Entry(v.id(), o.kind().key(), o.step(), o.reason(), search));
                } catch (RuntimeException e) { // the cell's own verdict says error; the row says why it could not run
                    entries.add(new TransferRow.Entry(v.id(), TransferOutcome.Kind.NOT_TRANSFERABLE.key(), 0,
                            "gcsim failed on this variant: " + CellRun.oneLine(String.valueOf(e)), search));
                }
            }
            rows.add(new TransferRow(c.scenario(), c.variant(), c.counterexample().failure().kind(), entries));
        }
        return rows;
    }

    private static Variant find(List<Variant> variants, String id) {
        for (Variant v : variants) {
            if (v.id().equals(id)) {
                return v;
            }
        }
        throw new IllegalStateException("no variant " + id);
    }

    private static Cell cell(List<Cell> cells, String scenario, String variant) {
        for (Cell c : cells) {
            if (c.scenario().equals(scenario) && c.variant().equals(variant)) {
                return c;
            }
        }
        return null;
    }
}

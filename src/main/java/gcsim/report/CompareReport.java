package gcsim.report;

import java.util.List;

/**
 * Everything {@code gcsim compare} found, in one value: the JSON, Markdown and HTML reports, the
 * summary and the cell pages are all rendered from it, so they cannot disagree. Only the header's
 * commit, date and machine and the {@link Timings} depend on when and where it ran; they are null
 * unless {@code --provenance} asked for them, so that by default two runs of one command write
 * byte-identical files on any machine.
 *
 * @param cells scenario-major: every variant of the first scenario, then the second, …
 * @param timings wall-clock figures, or null when provenance is off
 * @param shard which part of the cells this report holds, or null for all of them
 * @param transfers each counterexample carried to every other variant, in cell order (see {@link TransferRow})
 */
public record CompareReport(Header header, List<ScenarioInfo> scenarios, List<VariantInfo> variants, List<Cell> cells,
                            Timings timings, Shard shard, List<TransferRow> transfers) {

    /** A report of every cell of its selection, without transfers. */
    public CompareReport(Header header, List<ScenarioInfo> scenarios, List<VariantInfo> variants, List<Cell> cells,
                         Timings timings) {
        this(header, scenarios, variants, cells, timings, null, List.of());
    }

    /** A report of one shard of the cells, without transfers. */
    public CompareReport(Header header, List<ScenarioInfo> scenarios, List<VariantInfo> variants, List<Cell> cells,
                         Timings timings, Shard shard) {
        this(header, scenarios, variants, cells, timings, shard, List.of());
    }

    /** The same report with its counterexamples carried to the other variants. */
    public CompareReport withTransfers(List<TransferRow> rows) {
        return new CompareReport(header, scenarios, variants, cells, timings, shard, rows);
    }

    /**
     * @param version gcsim's version
     * @param commit the project's git commit, {@code unknown}, or null when provenance is off
     * @param date when the run started, UTC, ISO-8601 to the second, or null when provenance is off
     * @param machine where it ran, or null when provenance is off
     */
    public record Header(String version, String commit, String date, Settings settings, Machine machine) {
        /** A header without provenance: what the committed report holds. */
        public Header withoutProvenance() {
            return new Header(version, null, null, settings, null);
        }
    }

    /**
     * The budgets and seeds, enough to run the same comparison again.
     *
     * @param budget schedules for the random walk, and again for PCT
     * @param dfsExecutions the exhaustive search's budget
     * @param dfsPreemptionBound its preemption bound, or null for none
     * @param dfsStarvationBound its starvation bound (retry-loop turns in a row past an actor that can
     *     run), or null for none
     * @param shrinkCandidates the most candidate runs per shrink
     */
    public record Settings(long budget, int pctDepth, long dfsExecutions, Integer dfsPreemptionBound,
                           Integer dfsStarvationBound, long seed, int maxSteps, int shrinkCandidates) {}

    /** Where it ran: the number of processors and the JVM. */
    public record Machine(int cores, String jvm) {}

    /**
     * @param summary the first line of the scenario's description
     * @param sha256 the scenario file's content hash, hex; schedule files carry it too
     */
    public record ScenarioInfo(String name, String summary, String sha256) {}

    public record VariantInfo(String id, String description) {}

    /** Wall-clock figures, for the footer only. */
    public record Timings(long totalMs, List<CellTiming> cells) {}

    public record CellTiming(String scenario, String variant, long ms) {}

    /**
     * Part {@code index} of {@code count} of a sharded comparison: cell i (scenario-major, counting
     * from 0) belongs to shard {@code i mod count + 1}.
     */
    public record Shard(int index, int count) {
        /** True when the cell at {@code position} in the full selection belongs to this shard. */
        public boolean owns(int position) {
            return position % count == index - 1;
        }

        @Override
        public String toString() {
            return index + "/" + count;
        }
    }

    /** The cell for {@code scenario} under {@code variant}, or null. */
    public Cell cell(String scenario, String variant) {
        for (Cell c : cells) {
            if (c.scenario().equals(scenario) && c.variant().equals(variant)) {
                return c;
            }
        }
        return null;
    }

    /** The report as committed: the same cells, without commit, date, machine or timings. */
    public CompareReport withoutProvenance() {
        return new CompareReport(header.withoutProvenance(), scenarios, variants, cells, null, shard, transfers);
    }
}

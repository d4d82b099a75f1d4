package gcsim.report;

import java.util.List;

/**
 * Everything {@code gcsim compare} found, in one value: the JSON, Markdown and HTML reports are
 * all rendered from it, so they cannot disagree. Only the header's date and machine and the
 * {@link Timings} depend on when and where it ran; everything else is a function of the inputs.
 *
 * @param cells scenario-major: every variant of the first scenario, then the second, …
 * @param transfers each counterexample carried to every other variant, in cell order (see {@link TransferRow})
 */
public record CompareReport(Header header, List<ScenarioInfo> scenarios, List<VariantInfo> variants, List<Cell> cells,
                            Timings timings, List<TransferRow> transfers) {

    /** A report without transfers. */
    public CompareReport(Header header, List<ScenarioInfo> scenarios, List<VariantInfo> variants, List<Cell> cells,
                         Timings timings) {
        this(header, scenarios, variants, cells, timings, List.of());
    }

    /**
     * @param version gcsim's version
     * @param commit the project's git commit, or {@code unknown}
     * @param date when the run started, UTC, ISO-8601 to the second
     */
    public record Header(String version, String commit, String date, Settings settings, Machine machine) {}

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

    /** @param summary the first line of the scenario's description */
    public record ScenarioInfo(String name, String summary) {}

    public record VariantInfo(String id, String description) {}

    /** Wall-clock figures, for the footer only. */
    public record Timings(long totalMs, List<CellTiming> cells) {}

    public record CellTiming(String scenario, String variant, long ms) {}

    /** The cell for {@code scenario} under {@code variant}, or null. */
    public Cell cell(String scenario, String variant) {
        for (Cell c : cells) {
            if (c.scenario().equals(scenario) && c.variant().equals(variant)) {
                return c;
            }
        }
        return null;
    }
}

package gcsim.report;

import java.util.List;

/**
 * One counterexample carried to every other variant of its scenario: a row of the transfer matrix.
 *
 * @param scenario the counterexample's scenario
 * @param variant the variant the search found it under
 * @param kind its failure kind
 * @param cells one per variant of the report, in the report's variant order, its own included
 */
public record TransferRow(String scenario, String variant, String kind, List<Entry> cells) {

    /**
     * The counterexample under one variant.
     *
     * @param variant the variant
     * @param outcome {@code counterexample} for its own variant, else {@code same-failure},
     *     {@code different-failure}, {@code closed} or {@code not-transferable}
     * @param step the step of the transferred run where the outcome was decided (0: none)
     * @param reason the outcome's one-sentence reason
     * @param search the search's own verdict kind for that cell ({@code fail}, {@code verified}, {@code pass},
     *     {@code error}), or null when the report has no such cell
     */
    public record Entry(String variant, String outcome, int step, String reason, String search) {
        /** True when the cell passed only because the search did not find the failure this transfer shows. */
        public boolean searchMissed() {
            return (outcome.equals("same-failure") || outcome.equals("different-failure"))
                    && ("pass".equals(search) || "verified".equals(search));
        }
    }
}

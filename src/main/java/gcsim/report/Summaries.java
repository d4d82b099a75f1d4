package gcsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What the verdict matrix says about each variant and about the comparison as a whole, computed
 * from the cells, never written by hand: a report's prose must change when its results change.
 */
public final class Summaries {
    private Summaries() {}

    /**
     * One variant's column of the matrix, grouped.
     *
     * @param failing scenarios where it fails, each as {@code name (kind)}
     * @param verified scenarios where the exhaustive search proved it within bounds
     * @param passing scenarios with no failure found but no proof
     * @param errors scenarios where gcsim itself failed
     * @param baseline the variant it is compared with (the first one), or null for the first itself
     * @param fixes scenarios failing under the baseline but not under this variant
     * @param breaks scenarios failing under this variant but not under the baseline
     */
    public record VariantSummary(String variant, int scenarios, List<String> failing, List<String> verified,
                                 List<String> passing, List<String> errors, String baseline, List<String> fixes,
                                 List<String> breaks) {

        /** The summary as one paragraph of plain text. */
        public String text() {
            StringBuilder sb = new StringBuilder();
            sb.append("fails in ").append(failing.size()).append(" of ").append(scenarios).append(" scenarios")
                    .append(list(failing)).append("; verified in ").append(verified.size()).append(list(verified))
                    .append("; no failure found but not proven in ").append(passing.size()).append(list(passing));
            if (!errors.isEmpty()) {
                sb.append("; gcsim errors in ").append(errors.size()).append(list(errors));
            }
            sb.append('.');
            if (baseline != null) {
                sb.append(" Compared with ").append(baseline).append(": no longer fails in ").append(fixes.size())
                        .append(list(fixes)).append("; fails where ").append(baseline).append(" does not in ")
                        .append(breaks.size()).append(list(breaks)).append('.');
            }
            return sb.toString();
        }

        private static String list(List<String> names) {
            return names.isEmpty() ? "" : ": " + String.join(", ", names);
        }
    }

    /** Every variant's summary, in the report's variant order. */
    public static List<VariantSummary> variants(CompareReport r) {
        List<VariantSummary> out = new ArrayList<>();
        String base = r.variants().isEmpty() ? null : r.variants().get(0).id();
        for (CompareReport.VariantInfo v : r.variants()) {
            List<String> failing = new ArrayList<>();
            List<String> verified = new ArrayList<>();
            List<String> passing = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            List<String> fixes = new ArrayList<>();
            List<String> breaks = new ArrayList<>();
            int count = 0;
            for (CompareReport.ScenarioInfo s : r.scenarios()) {
                Cell c = r.cell(s.name(), v.id());
                if (c == null) {
                    continue;
                }
                count++;
                Verdict verdict = c.verdict();
                if (verdict instanceof Verdict.Fail) {
                    failing.add(s.name() + " (" + c.counterexample().failure().kind() + ")");
                } else if (verdict instanceof Verdict.Verified) {
                    verified.add(s.name());
                } else if (verdict instanceof Verdict.Pass) {
                    passing.add(s.name());
                } else {
                    errors.add(s.name());
                }
                if (!v.id().equals(base)) {
                    Cell b = r.cell(s.name(), base);
                    if (b != null && fails(b) && isClean(c)) {
                        fixes.add(s.name());
                    } else if (b != null && isClean(b) && fails(c)) {
                        breaks.add(s.name());
                    }
                }
            }
            out.add(new VariantSummary(v.id(), count, failing, verified, passing, errors,
                    v.id().equals(base) ? null : base, fixes, breaks));
        }
        return out;
    }

    /**
     * The comparison's headline facts.
     *
     * @param noFailure variants that fail in no compared scenario (nor error), each as {@code id (verified in k of n)}
     * @param failEverywhere scenarios that fail under every compared variant
     * @param failNowhere scenarios that fail under no compared variant
     * @param fewestFailures the variants with the fewest failing scenarios, and that number
     */
    public record Findings(List<String> noFailure, List<String> failEverywhere, List<String> failNowhere,
                           List<String> fewestFailures, int fewest) {}

    public static Findings findings(CompareReport r) {
        List<String> noFailure = new ArrayList<>();
        List<String> fewestIds = new ArrayList<>();
        int fewest = Integer.MAX_VALUE;
        for (VariantSummary s : variants(r)) {
            if (s.failing().isEmpty() && s.errors().isEmpty()) {
                noFailure.add(s.variant() + " (verified in " + s.verified().size() + " of " + s.scenarios() + ")");
            }
            if (s.failing().size() < fewest) {
                fewest = s.failing().size();
                fewestIds.clear();
            }
            if (s.failing().size() == fewest) {
                fewestIds.add(s.variant());
            }
        }
        List<String> everywhere = new ArrayList<>();
        List<String> nowhere = new ArrayList<>();
        for (CompareReport.ScenarioInfo s : r.scenarios()) {
            int failing = 0;
            int cells = 0;
            for (CompareReport.VariantInfo v : r.variants()) {
                Cell c = r.cell(s.name(), v.id());
                if (c != null) {
                    cells++;
                    failing += fails(c) ? 1 : 0;
                }
            }
            if (cells > 0 && failing == cells) {
                everywhere.add(s.name());
            } else if (failing == 0) {
                nowhere.add(s.name());
            }
        }
        return new Findings(noFailure, everywhere, nowhere, fewestIds, fewest == Integer.MAX_VALUE ? 0 : fewest);
    }

    /** The cells that fail only with a counterexample carried from another variant, in report order. */
    public static List<Cell> carried(CompareReport r) {
        List<Cell> out = new ArrayList<>();
        for (Cell c : r.cells()) {
            if (c.verdict() instanceof Verdict.Fail f && f.carried()) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean fails(Cell c) {
        return c.verdict() instanceof Verdict.Fail;
    }

    private static boolean isClean(Cell c) {
        return c.verdict() instanceof Verdict.Verified || c.verdict() instanceof Verdict.Pass;
    }
}

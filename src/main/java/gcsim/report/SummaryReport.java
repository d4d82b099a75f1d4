package gcsim.report;

import static gcsim.report.Markup.code;
import static gcsim.report.Markup.md;

import java.util.List;

/**
 * {@code summary.md}: the short form of the report, meant to be pasted into a pull request (GitHub
 * takes comments up to 65,536 characters; this stays far below): the matrix as symbols, each
 * failing cell linking to its own page under {@code cells/}, the headline findings, and what moved
 * against the expected verdicts. The long tables and stories stay in {@code report.md}.
 */
public final class SummaryReport {
    /** Folder of the per-counterexample pages, next to the summary. */
    public static final String CELLS = "cells";

    private SummaryReport() {}

    /**
     * @param expected the expected verdicts, or null when there is no such file
     * @param expectedName how to name that file in the text
     */
    public static String render(CompareReport r, Expected expected, String expectedName) {
        StringBuilder sb = new StringBuilder();
        sb.append("# gcsim compare: summary\n\n");
        sb.append("Written by ").append(code("sim/gcsim compare")).append("; do not edit. Full report: [report.md](report.md)")
                .append(" (also report.html and report.json, next to this file). ")
                .append(md(r.scenarios().size() + " scenarios × " + r.variants().size() + " variants; "
                        + Texts.budgetsShort(r.header().settings()))).append(".\n\n");
        sb.append("## Verdicts\n\n");
        sb.append("✗ fails (the link opens its counterexample: story, sequence diagram, replay command) · ✓ verified within bounds · ○ no failure found, not proven")
                .append(" · ⚠ gcsim error");
        List<Cell> carried = Summaries.carried(r);
        if (!carried.isEmpty()) {
            sb.append(" · ✗ carried: fails with another variant's counterexample carried over, its own search found none");
        }
        sb.append("\n\n");
        sb.append("| scenario |");
        for (CompareReport.VariantInfo v : r.variants()) {
            sb.append(' ').append(md(v.id())).append(" |");
        }
        sb.append("\n|---|").append("---|".repeat(r.variants().size())).append('\n');
        for (CompareReport.ScenarioInfo s : r.scenarios()) {
            sb.append("| ").append(md(s.name())).append(" |");
            for (CompareReport.VariantInfo v : r.variants()) {
                Cell c = r.cell(s.name(), v.id());
                sb.append(' ').append(c == null ? "" : symbol(c)).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\n## What the matrix shows\n\n");
        for (String line : Texts.findings(Summaries.findings(r))) {
            sb.append("* ").append(md(line)).append('\n');
        }
        for (String line : Texts.carried(carried)) {
            sb.append("* ").append(md(line)).append('\n');
        }
        sb.append("\n## Against ").append(md(expectedName)).append("\n\n");
        if (expected == null) {
            sb.append("No expected verdicts: ").append(code("sim/gcsim compare --write-expected"))
                    .append(" writes them from a run.\n");
        } else {
            List<Expected.Change> changes = expected.changes(r);
            if (changes.isEmpty()) {
                sb.append("Every cell has its expected verdict.\n");
            } else {
                sb.append(changes.size()).append(changes.size() == 1 ? " cell differs" : " cells differ")
                        .append(" from its expected verdict:\n\n");
                for (Expected.Change c : changes) {
                    sb.append("* ").append(md(c.text())).append('\n');
                }
            }
        }
        return sb.toString();
    }

    /** {@code cells/SCENARIO--VARIANT.md}: the page of a failing cell, relative to the summary. */
    public static String page(Cell c) {
        return CELLS + "/" + c.key() + ".md";
    }

    private static String symbol(Cell c) {
        Verdict v = c.verdict();
        if (v instanceof Verdict.Fail f && c.counterexample() != null) {
            return "[" + (f.carried() ? "✗ carried" : "✗") + "](" + page(c) + ")";
        }
        return switch (v.kind()) {
            case "fail" -> "✗";
            case "verified" -> "✓";
            case "pass" -> "○";
            default -> "⚠";
        };
    }
}

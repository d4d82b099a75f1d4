package gcsim.report;

import static gcsim.report.Markup.md;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's transfer section: for each counterexample, one row across all variants saying what the
 * same window does there (same failure, different failure, closed, not transferable), beside the
 * search's own verdict for that cell. A cell where the window still fails but the search passed says
 * so: that pass rests only on the search not finding what the transfer shows.
 */
final class TransferMatrix {
    static final String INTRO = "Each counterexample, followed by meaning under every other variant (replay --schedule"
            + " FILE --variant OTHER): what the same window does there, beside the search's own verdict for that"
            + " cell. ⚠ marks a cell whose pass rests only on the search not finding a failure that the transferred"
            + " counterexample shows.";

    private TransferMatrix() {}

    /** The cell's words: {@code closed at step 109 (search: verified)}. */
    static String text(TransferRow.Entry e) {
        if (e.outcome().equals("counterexample")) {
            return "counterexample";
        }
        String what = e.outcome().replace('-', ' ') + (e.step() > 0 ? " at step " + e.step() : "");
        String search = e.search() == null ? "" : " (search: " + e.search() + ")";
        return (e.searchMissed() ? "⚠ " : "") + what + search;
    }

    static String markdown(CompareReport r) {
        if (r.transfers().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("## Counterexamples under other variants\n\n").append(md(INTRO)).append("\n\n");
        sb.append("| counterexample |");
        for (CompareReport.VariantInfo v : r.variants()) {
            sb.append(' ').append(md(v.id())).append(" |");
        }
        sb.append("\n|---|").append("---|".repeat(r.variants().size())).append('\n');
        for (TransferRow row : r.transfers()) {
            sb.append("| ").append(md(row.scenario() + " × " + row.variant())).append(" |");
            for (TransferRow.Entry e : row.cells()) {
                sb.append(' ').append(md(text(e))).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');
        for (String line : missed(r)) {
            sb.append("* ").append(md(line)).append('\n');
        }
        return sb.append('\n').toString();
    }

    static String html(CompareReport r) {
        if (r.transfers().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<h2 id=\"transfers\">Counterexamples under other variants</h2>\n<p>")
                .append(Markup.html(INTRO)).append("</p>\n<div class=\"scroll\"><table>\n<tr><th>counterexample</th>");
        for (CompareReport.VariantInfo v : r.variants()) {
            sb.append("<th>").append(Markup.html(v.id())).append("</th>");
        }
        sb.append("</tr>\n");
        for (TransferRow row : r.transfers()) {
            sb.append("<tr><td>").append(Markup.html(row.scenario() + " × " + row.variant())).append("</td>");
            for (TransferRow.Entry e : row.cells()) {
                sb.append("<td title=\"").append(Markup.html(e.reason())).append("\">").append(Markup.html(text(e)))
                        .append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table></div>\n");
        List<String> missed = missed(r);
        if (!missed.isEmpty()) {
            sb.append("<ul>\n");
            for (String line : missed) {
                sb.append("<li>").append(Markup.html(line)).append("</li>\n");
            }
            sb.append("</ul>\n");
        }
        return sb.toString();
    }

    static List<Json> json(CompareReport r) {
        List<Json> rows = new ArrayList<>();
        for (TransferRow row : r.transfers()) {
            List<Json> cells = new ArrayList<>();
            for (TransferRow.Entry e : row.cells()) {
                cells.add(Json.object().put("variant", e.variant()).put("outcome", e.outcome()).put("step", e.step())
                        .put("reason", e.reason()).put("search", e.search()).put("searchMissed", e.searchMissed()));
            }
            rows.add(Json.object().put("scenario", row.scenario()).put("variant", row.variant()).put("kind", row.kind())
                    .put("cells", cells));
        }
        return rows;
    }

    /** One sentence per cell whose pass rests only on the search. */
    static List<String> missed(CompareReport r) {
        List<String> out = new ArrayList<>();
        for (TransferRow row : r.transfers()) {
            for (TransferRow.Entry e : row.cells()) {
                if (e.searchMissed()) {
                    out.add(row.scenario() + " × " + e.variant() + ": the search's " + e.search() + " rests only on not"
                            + " finding it: the counterexample of " + row.variant() + " still fails there (" + e.reason()
                            + ")");
                }
            }
        }
        return out;
    }
}

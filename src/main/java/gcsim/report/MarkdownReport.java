package gcsim.report;

import static gcsim.report.Markup.code;
import static gcsim.report.Markup.md;

import java.util.List;

/**
 * {@code report.md}: the compare report as GitHub-flavoured Markdown. Stories are numbered lists
 * with the lines gcsim prints, each closing citation a link to its section of docs/model.md; each
 * counterexample's Mermaid sequence diagram is on its own page under {@code cells/}, linked from
 * here, so that this file stays short. The matrix links each failing cell to its page. Commit,
 * date, machine and timings appear only when the report carries them ({@code --provenance}).
 */
public final class MarkdownReport {
    /** From results/, where the report lives, to the repository root. */
    private static final String TO_ROOT = "../";

    private MarkdownReport() {}

    public static String render(CompareReport r) {
        StringBuilder sb = new StringBuilder();
        CompareReport.Header h = r.header();
        sb.append("# ").append(md(Texts.TITLE)).append("\n\n");
        sb.append("Written by ").append(code("sim/gcsim compare")).append("; do not edit. The same data is in ")
                .append("report.json and report.html, next to this file.\n\n");
        sb.append("| | |\n|---|---|\n");
        row(sb, "gcsim", md(h.version()));
        if (h.commit() != null) {
            row(sb, "commit", md(h.commit()));
        }
        if (h.date() != null) {
            row(sb, "date (UTC)", md(h.date()));
        }
        row(sb, "budgets", md(Texts.budgets(h.settings())));
        row(sb, "seeds", md(Texts.seeds(h.settings())));
        if (h.machine() != null) {
            row(sb, "machine", md(Texts.machine(h.machine())));
        }
        if (r.shard() != null) {
            row(sb, "shard", md(r.shard() + ": this report holds only its share of the cells; sim/gcsim merge combines the shards"));
        }
        sb.append('\n');

        sb.append("## Verdicts\n\n").append(md(Texts.LEGEND)).append("\n\n");
        sb.append("| scenario |");
        for (CompareReport.VariantInfo v : r.variants()) {
            sb.append(' ').append(md(v.id())).append(" |");
        }
        sb.append("\n|---|");
        sb.append("---|".repeat(r.variants().size()));
        sb.append('\n');
        for (CompareReport.ScenarioInfo s : r.scenarios()) {
            sb.append("| ").append(md(s.name())).append(" |");
            for (CompareReport.VariantInfo v : r.variants()) {
                Cell c = r.cell(s.name(), v.id());
                String label = c == null ? "" : md(c.verdict().label());
                sb.append(' ').append(c != null && c.counterexample() != null
                        ? "[" + label + "](" + SummaryReport.page(c) + ")" : label).append(" |");
            }
            sb.append('\n');
        }
        sb.append('\n');

        sb.append("## What the matrix shows\n\n");
        for (String line : Texts.findings(Summaries.findings(r))) {
            sb.append("* ").append(md(line)).append('\n');
        }
        for (String line : Texts.carried(Summaries.carried(r))) {
            sb.append("* ").append(md(line)).append('\n');
        }
        sb.append('\n');
        for (Summaries.VariantSummary v : Summaries.variants(r)) {
            sb.append("### ").append(md(v.variant())).append("\n\n");
            CompareReport.VariantInfo info = r.variants().stream().filter(i -> i.id().equals(v.variant())).findFirst().orElseThrow();
            sb.append('*').append(md(info.description())).append("*\n\n");
            sb.append(md(v.text())).append("\n\n");
        }

        sb.append("## Scenarios\n\n| scenario | what it models |\n|---|---|\n");
        for (CompareReport.ScenarioInfo s : r.scenarios()) {
            row(sb, md(s.name()), md(s.summary()));
        }
        sb.append('\n');

        sb.append("## Coverage\n\n");
        sb.append("Executions counts every schedule the cell ran: random walk, PCT and exhaustive search together. ")
                .append("A pass means something only if collectors ran while clients were busy and deleted paths.\n\n");
        sb.append("| scenario | variant | verdict | random | PCT | exhaustive | GC during client ops | GC deleted something |\n");
        sb.append("|---|---|---|---|---|---|---|---|\n");
        for (Cell c : r.cells()) {
            Cell.Coverage cov = c.coverage();
            sb.append("| ").append(md(c.scenario())).append(" | ").append(md(c.variant())).append(" | ")
                    .append(md(c.verdict().label())).append(" | ").append(md(Texts.random(c))).append(" | ")
                    .append(md(Texts.pct(c))).append(" | ").append(md(Texts.dfs(c))).append(" | ")
                    .append(md(Texts.share(cov.gcDuringClientOps(), cov.executions()))).append(" | ")
                    .append(md(Texts.share(cov.deletedSomething(), cov.executions()))).append(" |\n");
        }
        sb.append('\n');

        sb.append(TransferMatrix.markdown(r));
        sb.append("## Counterexamples\n\n");
        boolean any = false;
        for (Cell c : r.cells()) {
            if (c.counterexample() == null) {
                continue;
            }
            any = true;
            Counterexample ce = c.counterexample();
            sb.append("### ").append(md(c.scenario() + " × " + c.variant())).append("\n\n");
            sb.append("**").append(md(ce.failure().kind())).append("** seen by ")
                    .append(cited(ce.failure().check(), ce.failure().check(), TO_ROOT))
                    .append(": ").append(code(ce.failure().message())).append("; ").append(md(Texts.found(c))).append(".\n\n");
            sb.append(storyList(ce.story(), TO_ROOT)).append('\n');
            sb.append("Sequence diagram: [").append(md(SummaryReport.page(c))).append("](").append(SummaryReport.page(c))
                    .append(").\n\n");
            sb.append("Replay: ").append(code(ce.replay())).append("\n\n");
            sb.append("Shrinking: ").append(md(Texts.shrink(ce))).append(".\n\n");
        }
        if (!any) {
            sb.append("No cell failed.\n\n");
        }
        boolean errors = false;
        for (Cell c : r.cells()) {
            if (c.verdict() instanceof Verdict.Error e) {
                if (!errors) {
                    sb.append("## gcsim errors\n\n");
                    errors = true;
                }
                sb.append("* ").append(md(c.scenario() + " × " + c.variant() + ": " + e.message())).append('\n');
            }
        }
        if (errors) {
            sb.append('\n');
        }

        if (r.timings() != null) {
            sb.append("---\n\n");
            sb.append("Wall time: ").append(md(Texts.duration(r.timings().totalMs()))).append(". Slowest cells: ")
                    .append(md(Texts.slowestText(r))).append(".\n");
        }
        return sb.toString();
    }

    /**
     * A story as a numbered list whose lines end in a link to the section of the behaviour reference
     * their citation names, so a reader goes from a step to what it models. {@code toRoot} leads from
     * the page's directory to the repository root ({@code "../"} for results/).
     */
    static String storyList(List<Counterexample.StoryStep> story, String toRoot) {
        StringBuilder sb = new StringBuilder();
        for (Counterexample.StoryStep s : story) {
            sb.append(storyLine(s.number(), s.actor(), s.text(), toRoot)).append('\n');
        }
        return sb.toString();
    }

    /** One list item, {@code N. actor: words}, then its bracketed citation as a link when it names a section. */
    static String storyLine(int number, String actor, String text, String toRoot) {
        ModelReference.Cited c = ModelReference.split(text);
        String line = number + ". " + md(actor + ": " + c.words());
        return c.citation() == null ? line : line + " " + cited("[" + c.citation() + "]", c.citation(), toRoot);
    }

    /** {@code shown}, linked to the section of the behaviour reference {@code citation} names; plain text when it names none. */
    static String cited(String shown, String citation, String toRoot) {
        String href = ModelReference.href(citation, toRoot);
        return href == null ? md(shown) : "[" + md(shown) + "](" + href + ")";
    }

    private static void row(StringBuilder sb, String key, String value) {
        sb.append("| ").append(key).append(" | ").append(value).append(" |\n");
    }
}

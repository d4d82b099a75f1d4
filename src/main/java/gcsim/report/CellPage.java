package gcsim.report;

import static gcsim.report.Markup.code;
import static gcsim.report.Markup.md;

/**
 * {@code cells/SCENARIO--VARIANT.md}: one failing cell on its own page, linked from the summary's
 * matrix: what the scenario and variant are, the failure, the story, a sequence diagram narrow
 * enough to read at GitHub's page width, and the command that replays it.
 */
public final class CellPage {
    private CellPage() {}

    /** The page of {@code c}, which must have a counterexample. */
    public static String render(CompareReport r, Cell c) {
        Counterexample ce = c.counterexample();
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(md(c.scenario() + " × " + c.variant())).append("\n\n");
        sb.append("[Summary](../summary.md) · [full report](../report.md). Written by ").append(code("sim/gcsim compare"))
                .append("; do not edit.\n\n");
        for (CompareReport.ScenarioInfo s : r.scenarios()) {
            if (s.name().equals(c.scenario())) {
                sb.append("**Scenario** ").append(md(s.name())).append(": ").append(md(s.summary())).append("\n\n");
            }
        }
        for (CompareReport.VariantInfo v : r.variants()) {
            if (v.id().equals(c.variant())) {
                sb.append("**Variant** ").append(md(v.id())).append(": ").append(md(v.description())).append("\n\n");
            }
        }
        sb.append("**").append(md(ce.failure().kind())).append("** seen by ").append(md(ce.failure().check()))
                .append(": ").append(code(ce.failure().message())).append("; ").append(md(Texts.found(c))).append(".\n\n");
        sb.append("## Story\n\n");
        sb.append(MarkdownReport.storyList(ce.story(), "../../")).append('\n');
        sb.append("## Sequence diagram\n\n");
        sb.append(Markup.block("mermaid", Mermaid.narrowDiagram(ce.story()))).append('\n');
        sb.append("## Replay\n\n");
        sb.append(Markup.block("sh", ce.replay() + "\n")).append('\n');
        sb.append("Shrinking: ").append(md(Texts.shrink(ce))).append(".\n");
        return sb.toString();
    }
}

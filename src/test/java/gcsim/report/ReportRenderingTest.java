package gcsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ReportRenderingTest {
    private final CompareReport report = Samples.report();

    @Test
    void theHtmlReportIsSelfContainedAndEscapesEveryPieceOfText() {
        String html = HtmlReport.render(report);

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "</html>");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "<img", "<iframe", "@import", "url(http");
        assertThat(html).doesNotContain("src=");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
    }

    @Test
    void theHtmlMatrixColoursEachVerdictAndLinksFailuresToTheirCounterexample() {
        String html = HtmlReport.render(report);

        assertThat(html).contains("<td class=\"fail\"><a href=\"#cx-hosts-drv--early-return\">✗ fails (schedule 1, random)</a></td>");
        assertThat(html).contains("<td class=\"verified\">✓ verified (1234 executions)</td>");
        assertThat(html).contains("<td class=\"pass\">○ no failure in 600 schedules</td>");
        assertThat(html).contains("<td class=\"error\">⚠ error</td>");
        assertThat(html).contains("<section id=\"cx-hosts-drv--early-return\">");
    }

    @Test
    void theTimelineHasOneMarkPerStoryStepOneArrowPerAnsweredStepAndTheFailingStepInRed() {
        String svg = SvgTimeline.render("0", Samples.story());

        assertThat(count(svg, "<circle ")).isEqualTo(6);
        assertThat(count(svg, "marker-end=")).isEqualTo(3);
        assertThat(count(svg, "class=\"mark failing\"")).isEqualTo(1);
        assertThat(svg).contains("fill=\"#d32f2f\"");
        assertThat(count(svg, "text-anchor=\"middle\" fill=\"#222\">")).as("one lane label per actor").isEqualTo(5);
        assertThat(count(svg, "<text class=\"label\"")).as("every step's text written out").isEqualTo(6);
        assertThat(svg).contains(">virtual time</text>", ">1ms</text>", ">6ms</text>");
        assertThat(svg).contains("<title>4. worker-2/auto-gc: deletes hosts.drv &lt;script&gt;");
    }

    @Test
    void theMarkdownMatrixHasARowPerScenarioAndAColumnPerVariant() {
        String md = MarkdownReport.render(report);

        assertThat(md).contains("| scenario | early-return | drv-only |\n|---|---|---|\n");
        assertThat(md).contains("| gc | ○ no failure in 600 schedules | ⚠ error |\n");
        assertThat(md).contains("| hosts-drv | [✗ fails (schedule 1, random)](cells/hosts-drv--early-return.md) | ✓ verified (1234"
                + " executions) |\n");
    }

    @Test
    void markdownTableCellsEscapePipesAndMarkupSoHostileTextCannotBreakTheTable() {
        String md = MarkdownReport.render(report);

        String row = md.lines().filter(l -> l.startsWith("| gc | Port of gc.sh")).findFirst().orElseThrow();
        assertThat(row.replace("\\|", "")).matches("\\| gc \\| [^|]+ \\|");
        String outsideCode = md.replaceAll("(?s)```text\n.*?```\n", "").replaceAll("`` .*? ``", "")
                .replaceAll("`[^`\n]*`", "");
        assertThat(outsideCode).doesNotContain("<script>");
    }

    @Test
    void theMarkdownCounterexampleHasItsStoryMermaidDiagramReplayCommandAndShrinkFigures() {
        String md = MarkdownReport.render(report);

        assertThat(md).contains("### hosts-drv × early-return");
        assertThat(md).contains("\n\n1. X: writeDerivation(hosts.drv): sends the derivation\n2. worker-1: ");
        assertThat(md).contains("Sequence diagram: [cells/hosts-drv--early-return.md](cells/hosts-drv--early-return.md).");
        assertThat(CellPage.render(report, report.cells().get(2))).contains("```mermaid\n%%{init: ", "\nsequenceDiagram\n");
        assertThat(md).contains("Replay: `sim/gcsim replay --schedule results/failures/hosts-drv--early-return.schedule`");
        assertThat(md).contains("shrunk from 14 to 0 preemptions, from 33 to 58 choices");
    }

    @Test
    void theMermaidDiagramDeclaresEachActorOnceDrawsArrowsForAnsweredStepsAndNotesTheFailure() {
        String m = Mermaid.sequenceDiagram(Samples.story());

        assertThat(m).startsWith("sequenceDiagram\n");
        assertThat(count(m, "participant ")).isEqualTo(5);
        assertThat(m).contains("participant A2 as worker-2/auto-gc");
        assertThat(m).contains("A0->>A1: 2. temp-roots hosts.drv");
        assertThat(m).contains("A1->>A1: 3. worker-1 exits#59; its temp roots");
        assertThat(m).contains("A3-xA4: 6. error:");
        assertThat(m).contains("Note over A4: step 6 fails here");
        assertThat(m).doesNotContain("a#b");
    }

    @Test
    void theVariantSummariesAreComputedFromTheCells() {
        List<Summaries.VariantSummary> s = Summaries.variants(report);

        assertThat(s).hasSize(2);
        assertThat(s.get(0).failing()).containsExactly("hosts-drv (invalid-path)");
        assertThat(s.get(0).passing()).containsExactly("gc");
        assertThat(s.get(0).baseline()).isNull();
        assertThat(s.get(1).verified()).containsExactly("hosts-drv");
        assertThat(s.get(1).errors()).containsExactly("gc");
        assertThat(s.get(1).fixes()).containsExactly("hosts-drv");
        assertThat(s.get(1).text()).startsWith("fails in 0 of 2 scenarios; verified in 1: hosts-drv;")
                .contains("Compared with early-return: no longer fails in 1: hosts-drv");
    }

    @Test
    void theJsonReportParsesBackToTheSameVerdictsAndFigures() {
        Object json = JsonReader.parse(ReportJson.render(report));

        assertThat(JsonReader.at(json, "format")).isEqualTo(ReportJson.FORMAT);
        assertThat(JsonReader.at(json, "settings", "budget")).isEqualTo(300L);
        assertThat(JsonReader.at(json, "settings", "dfsPreemptionBound")).isNull();
        List<?> cells = (List<?>) JsonReader.at(json, "cells");
        assertThat(cells).hasSize(4);
        assertThat(cells.stream().map(c -> (Object) ((Map<?, ?>) c).get("verdict")).toList())
                .containsExactly("pass", "error", "fail", "verified");
        assertThat(JsonReader.at(json, "cells", 2, "schedulesToFailure")).isEqualTo(1L);
        assertThat(JsonReader.at(json, "cells", 2, "foundBy")).isEqualTo("random");
        assertThat(JsonReader.at(json, "cells", 2, "counterexample", "shrink", "after", "preemptions")).isEqualTo(0L);
        assertThat(JsonReader.at(json, "cells", 2, "counterexample", "story", 5, "failing")).isEqualTo(true);
        assertThat(JsonReader.at(json, "cells", 2, "counterexample", "story", 3, "text")).asString().contains(Samples.HOSTILE);
        assertThat(JsonReader.at(json, "cells", 1, "error")).asString().contains(Samples.HOSTILE);
        assertThat(JsonReader.at(json, "cells", 3, "dfs", "complete")).isEqualTo(true);
        assertThat(JsonReader.at(json, "summaries", 1, "fixes")).isEqualTo(List.of("hosts-drv"));
    }

    @Test
    void prettyPrintingOnlyAddsWhitespaceOutsideStrings() {
        String compact = Json.object().put("a", List.of()).put("b", Json.object()).put("c", "{x, [y]: z}")
                .put("d", List.of(1, Json.object().put("e", null))).toString();

        String pretty = ReportJson.pretty(compact);

        assertThat(pretty).contains("\"a\": []", "\"b\": {}", "\"c\": \"{x, [y]: z}\"");
        assertThat(JsonReader.parse(pretty)).isEqualTo(JsonReader.parse(compact));
    }

    @Test
    void timingsAppearOnlyInTheFooter() {
        String md = MarkdownReport.render(report);

        int footer = md.lastIndexOf("\n---\n");
        assertThat(md.substring(footer)).contains("Wall time: 4 s", "hosts-drv × drv-only 3 s");
        assertThat(md.substring(0, footer)).doesNotContain(" ms", "Wall time");
    }

    private static int count(String s, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}

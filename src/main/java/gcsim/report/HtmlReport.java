package gcsim.report;

import static gcsim.report.Markup.html;

/**
 * {@code report.html}: the compare report as one self-contained page (no scripts, no external
 * styles, fonts or images), with the same content as {@link MarkdownReport} plus an inline SVG
 * timeline of each counterexample. Readable at 1280 px; wide tables and timelines scroll sideways.
 */
public final class HtmlReport {
    private static final String STYLE = String.join("\n",
            "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1b1b;margin:0;background:#fafafa}",
            "main{max-width:1240px;margin:0 auto;padding:16px 20px 40px;background:#fff}",
            "h1{font-size:26px;margin:8px 0 12px}h2{font-size:21px;margin-top:32px;border-bottom:1px solid #ddd}",
            "h3{font-size:17px;margin-top:24px}",
            "table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d5d5d5;padding:4px 8px;text-align:left;vertical-align:top}",
            "th{background:#f2f2f2}.scroll{overflow-x:auto}",
            "td.fail{background:#fde4e4}td.verified{background:#e2f3df}td.pass{background:#f3f3f3}td.error{background:#fff2c6}",
            "td.fail a{color:#8a0000}",
            "pre,code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}",
            "pre{background:#f6f6f6;border:1px solid #e2e2e2;padding:8px 10px;overflow-x:auto;white-space:pre}",
            "pre.story{white-space:pre-wrap}",
            ".beside{display:flex;gap:1em;align-items:flex-start}.state{font-size:smaller;max-height:40em;overflow:auto}",
            ".meta td:first-child{font-weight:600;white-space:nowrap}",
            "svg.timeline{display:block;margin:8px 0;background:#fff}",
            "footer{margin-top:32px;color:#555;font-size:13px}");

    private HtmlReport() {}

    public static String render(CompareReport r) {
        StringBuilder sb = new StringBuilder();
        CompareReport.Header h = r.header();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(html(Texts.TITLE)).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style>\n</head>\n<body>\n<main>\n");
        sb.append("<h1>").append(html(Texts.TITLE)).append("</h1>\n");
        sb.append("<p>Written by <code>sim/gcsim compare</code>; do not edit. The same data is in report.json and ")
                .append("report.md, next to this file.</p>\n");
        sb.append("<table class=\"meta\">\n");
        meta(sb, "gcsim", h.version());
        if (h.commit() != null) {
            meta(sb, "commit", h.commit());
        }
        if (h.date() != null) {
            meta(sb, "date (UTC)", h.date());
        }
        meta(sb, "budgets", Texts.budgets(h.settings()));
        meta(sb, "seeds", Texts.seeds(h.settings()));
        if (h.machine() != null) {
            meta(sb, "machine", Texts.machine(h.machine()));
        }
        if (r.shard() != null) {
            meta(sb, "shard", r.shard() + ": this report holds only its share of the cells; sim/gcsim merge combines the shards");
        }
        sb.append("</table>\n");

        sb.append("<h2 id=\"verdicts\">Verdicts</h2>\n<p>").append(html(Texts.LEGEND)).append("</p>\n");
        sb.append("<div class=\"scroll\"><table class=\"matrix\">\n<tr><th>scenario</th>");
        for (CompareReport.VariantInfo v : r.variants()) {
            sb.append("<th title=\"").append(html(v.description())).append("\">").append(html(v.id())).append("</th>");
        }
        sb.append("</tr>\n");
        for (CompareReport.ScenarioInfo s : r.scenarios()) {
            sb.append("<tr><th title=\"").append(html(s.summary())).append("\">").append(html(s.name())).append("</th>");
            for (CompareReport.VariantInfo v : r.variants()) {
                Cell c = r.cell(s.name(), v.id());
                if (c == null) {
                    sb.append("<td></td>");
                    continue;
                }
                sb.append("<td class=\"").append(c.verdict().kind()).append("\">");
                if (c.counterexample() != null) {
                    sb.append("<a href=\"#cx-").append(html(c.key())).append("\">").append(html(c.verdict().label())).append("</a>");
                } else {
                    sb.append(html(c.verdict().label()));
                }
                sb.append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table></div>\n");

        sb.append("<h2 id=\"findings\">What the matrix shows</h2>\n<ul>\n");
        for (String line : Texts.findings(Summaries.findings(r))) {
            sb.append("<li>").append(html(line)).append("</li>\n");
        }
        for (String line : Texts.carried(Summaries.carried(r))) {
            sb.append("<li>").append(html(line)).append("</li>\n");
        }
        sb.append("</ul>\n");
        for (Summaries.VariantSummary v : Summaries.variants(r)) {
            CompareReport.VariantInfo info = r.variants().stream().filter(i -> i.id().equals(v.variant())).findFirst().orElseThrow();
            sb.append("<h3 id=\"variant-").append(html(v.variant())).append("\">").append(html(v.variant())).append("</h3>\n");
            sb.append("<p><em>").append(html(info.description())).append("</em></p>\n<p>").append(html(v.text())).append("</p>\n");
        }

        sb.append("<h2 id=\"scenarios\">Scenarios</h2>\n<table>\n<tr><th>scenario</th><th>what it models</th></tr>\n");
        for (CompareReport.ScenarioInfo s : r.scenarios()) {
            sb.append("<tr><td>").append(html(s.name())).append("</td><td>").append(html(s.summary())).append("</td></tr>\n");
        }
        sb.append("</table>\n");

        sb.append("<h2 id=\"coverage\">Coverage</h2>\n<p>Executions counts every schedule the cell ran: random walk, PCT ")
                .append("and exhaustive search together. A pass means something only if collectors ran while clients were ")
                .append("busy and deleted paths.</p>\n<div class=\"scroll\"><table>\n<tr><th>scenario</th><th>variant</th>")
                .append("<th>verdict</th><th>random</th><th>PCT</th><th>exhaustive</th><th>GC during client ops</th>")
                .append("<th>GC deleted something</th></tr>\n");
        for (Cell c : r.cells()) {
            Cell.Coverage cov = c.coverage();
            sb.append("<tr><td>").append(html(c.scenario())).append("</td><td>").append(html(c.variant()))
                    .append("</td><td class=\"").append(c.verdict().kind()).append("\">").append(html(c.verdict().label()))
                    .append("</td><td>").append(html(Texts.random(c))).append("</td><td>").append(html(Texts.pct(c)))
                    .append("</td><td>").append(html(Texts.dfs(c))).append("</td><td>")
                    .append(html(Texts.share(cov.gcDuringClientOps(), cov.executions()))).append("</td><td>")
                    .append(html(Texts.share(cov.deletedSomething(), cov.executions()))).append("</td></tr>\n");
        }
        sb.append("</table></div>\n");

        sb.append(TransferMatrix.html(r));
        sb.append("<h2 id=\"counterexamples\">Counterexamples</h2>\n");
        boolean any = false;
        int index = 0;
        for (Cell c : r.cells()) {
            Counterexample ce = c.counterexample();
            if (ce == null) {
                continue;
            }
            any = true;
            sb.append("<section id=\"cx-").append(html(c.key())).append("\">\n<h3>")
                    .append(html(c.scenario() + " × " + c.variant())).append("</h3>\n");
            sb.append("<p><strong>").append(html(ce.failure().kind())).append("</strong> seen by ")
                    .append(cited(ce.failure().check(), ce.failure().check(), "../")).append(": <code>")
                    .append(html(ce.failure().message()))
                    .append("</code>; ").append(html(Texts.found(c))).append(".</p>\n");
            sb.append("<pre class=\"story\">");
            for (Counterexample.StoryStep s : ce.story()) {
                sb.append(storyLine(s.number(), s.actor(), s.text(), "../")).append('\n');
            }
            sb.append("</pre>\n<div class=\"beside\"><div class=\"scroll\">")
                    .append(SvgTimeline.render(Integer.toString(index++), ce.story())).append("</div>")
                    .append(StateView.html(ce.states())).append("</div>\n");
            sb.append("<p>Replay: <code>").append(html(ce.replay())).append("</code></p>\n");
            sb.append("<p>Shrinking: ").append(html(Texts.shrink(ce))).append(".</p>\n");
            sb.append("<details><summary>Mermaid source of the sequence diagram</summary>\n<pre>")
                    .append(html(Mermaid.sequenceDiagram(ce.story()))).append("</pre></details>\n</section>\n");
        }
        if (!any) {
            sb.append("<p>No cell failed.</p>\n");
        }
        boolean errors = false;
        for (Cell c : r.cells()) {
            if (c.verdict() instanceof Verdict.Error e) {
                if (!errors) {
                    sb.append("<h2 id=\"errors\">gcsim errors</h2>\n<ul>\n");
                    errors = true;
                }
                sb.append("<li>").append(html(c.scenario() + " × " + c.variant() + ": " + e.message())).append("</li>\n");
            }
        }
        if (errors) {
            sb.append("</ul>\n");
        }

        if (r.timings() != null) {
            sb.append("<footer>Wall time: ").append(html(Texts.duration(r.timings().totalMs()))).append(". Slowest cells: ")
                    .append(html(Texts.slowestText(r))).append(".</footer>\n");
        }
        sb.append("</main>\n</body>\n</html>\n");
        return sb.toString();
    }

    /**
     * One line of a story, its closing citation a link to the section of the behaviour reference it
     * names; {@code toRoot} leads from the page's directory to the repository root.
     */
    static String storyLine(int number, String actor, String text, String toRoot) {
        ModelReference.Cited c = ModelReference.split(text);
        String line = html(number + ". " + actor + ": " + c.words());
        return c.citation() == null ? line : line + "  " + cited("[" + c.citation() + "]", c.citation(), toRoot);
    }

    /** {@code shown}, linked to the section of the behaviour reference {@code citation} names; plain text when it names none. */
    static String cited(String shown, String citation, String toRoot) {
        String href = ModelReference.href(citation, toRoot);
        return href == null ? html(shown) : "<a href=\"" + html(href) + "\">" + html(shown) + "</a>";
    }

    private static void meta(StringBuilder sb, String key, String value) {
        sb.append("<tr><td>").append(html(key)).append("</td><td>").append(html(value)).append("</td></tr>\n");
    }
}

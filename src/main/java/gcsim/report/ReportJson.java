package gcsim.report;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code report.json}: the compare report as data, for scripts, for {@code gcsim merge} (which reads
 * shard outputs back with {@link ReportJsonReader}) and for the regeneration test. Keys
 * keep a fixed order and the text is indented one member per line, so that two runs' files diff
 * cleanly; {@code results/README.md} documents every key.
 */
public final class ReportJson {
    /** The value of the {@code format} key; a change of schema gets a new number. */
    public static final String FORMAT = "gcsim-compare 2";

    private ReportJson() {}

    public static String render(CompareReport r) {
        CompareReport.Header h = r.header();
        CompareReport.Settings s = h.settings();
        List<Json> scenarios = new ArrayList<>();
        for (CompareReport.ScenarioInfo i : r.scenarios()) {
            scenarios.add(Json.object().put("name", i.name()).put("summary", i.summary()).put("sha256", i.sha256()));
        }
        List<Json> variants = new ArrayList<>();
        for (CompareReport.VariantInfo v : r.variants()) {
            variants.add(Json.object().put("id", v.id()).put("description", v.description()));
        }
        List<Json> cells = new ArrayList<>();
        for (Cell c : r.cells()) {
            cells.add(cell(c));
        }
        List<Json> summaries = new ArrayList<>();
        for (Summaries.VariantSummary v : Summaries.variants(r)) {
            summaries.add(Json.object().put("variant", v.variant()).put("scenarios", v.scenarios())
                    .put("failing", v.failing()).put("verified", v.verified()).put("passing", v.passing())
                    .put("errors", v.errors()).put("baseline", v.baseline()).put("fixes", v.fixes())
                    .put("breaks", v.breaks()).put("text", v.text()));
        }
        Summaries.Findings f = Summaries.findings(r);
        Json gcsim = Json.object().put("version", h.version());
        if (h.commit() != null) {
            gcsim.put("commit", h.commit());
        }
        if (h.date() != null) {
            gcsim.put("date", h.date());
        }
        Json root = Json.object()
                .put("format", FORMAT)
                .put("gcsim", gcsim)
                .put("settings", Json.object().put("budget", s.budget()).put("pctDepth", s.pctDepth())
                        .put("dfsExecutions", s.dfsExecutions()).put("dfsPreemptionBound", s.dfsPreemptionBound())
                        .put("dfsStarvationBound", s.dfsStarvationBound())
                        .put("seed", s.seed()).put("maxSteps", s.maxSteps()).put("shrinkCandidates", s.shrinkCandidates()));
        if (r.shard() != null) {
            root.put("shard", Json.object().put("index", r.shard().index()).put("count", r.shard().count()));
        }
        if (h.machine() != null) {
            root.put("machine", Json.object().put("cores", h.machine().cores()).put("jvm", h.machine().jvm()));
        }
        root.put("scenarios", scenarios)
                .put("variants", variants)
                .put("cells", cells)
                .put("summaries", summaries)
                .put("findings", Json.object().put("noFailure", f.noFailure()).put("failEverywhere", f.failEverywhere())
                        .put("failNowhere", f.failNowhere()).put("fewestFailures", f.fewestFailures()).put("fewest", f.fewest()))
                .put("transfers", TransferMatrix.json(r));
        if (r.timings() != null) {
            List<Json> timings = new ArrayList<>();
            for (CompareReport.CellTiming t : r.timings().cells()) {
                timings.add(Json.object().put("scenario", t.scenario()).put("variant", t.variant()).put("ms", t.ms()));
            }
            root.put("timings", Json.object().put("totalMs", r.timings().totalMs()).put("cells", timings));
        }
        return pretty(root.toString()) + "\n";
    }

    private static Json cell(Cell c) {
        Verdict v = c.verdict();
        Json j = Json.object().put("scenario", c.scenario()).put("variant", c.variant())
                .put("verdict", v.kind()).put("label", v.label())
                .put("runs", v instanceof Verdict.Verified ver ? (Object) ver.executions()
                        : v instanceof Verdict.Pass p ? (Object) p.schedules() : null)
                .put("foundBy", v instanceof Verdict.Fail f ? f.strategy() : null)
                .put("schedulesToFailure", v instanceof Verdict.Fail f ? f.schedule() : null);
        if (v instanceof Verdict.Fail f && f.carried()) { // only then, so reports without carrying keep their bytes
            j.put("carriedFrom", f.carriedFrom());
        }
        j.put("error", v instanceof Verdict.Error e ? e.message() : null)
                .put("random", phase(c.random()))
                .put("pct", phase(c.pct()));
        Cell.Dfs d = c.dfs();
        j.put("dfs", d == null ? null : Json.object().put("verdict", d.verdict()).put("executions", d.executions())
                .put("pruned", d.pruned()).put("cut", d.cut()).put("terminalStates", d.terminalStates())
                .put("complete", d.complete()).put("preemptionBound", d.preemptionBound()).put("blocked", d.blocked()));
        if (d != null && d.stateful() != null) {
            Cell.Stateful st = d.stateful();
            j.put("stateful", Json.object().put("verdict", st.verdict()).put("transitions", st.transitions())
                    .put("distinctStates", st.distinctStates()).put("maxDepth", st.maxDepth()).put("maxStates", st.maxStates()));
        }
        Cell.Coverage cov = c.coverage();
        j.put("coverage", Json.object().put("executions", cov.executions()).put("gcRan", cov.gcRan())
                .put("gcDuringClientOps", cov.gcDuringClientOps()).put("deletedSomething", cov.deletedSomething()));
        j.put("counterexample", counterexample(c.counterexample()));
        return j;
    }

    private static Json phase(Cell.Phase p) {
        return p == null ? null : Json.object().put("schedules", p.schedules()).put("cut", p.cut()).put("failed", p.failed());
    }

    private static Json counterexample(Counterexample ce) {
        if (ce == null) {
            return null;
        }
        Counterexample.FailureInfo f = ce.failure();
        List<Json> story = new ArrayList<>();
        for (Counterexample.StoryStep s : ce.story()) {
            story.add(Json.object().put("number", s.number()).put("actor", s.actor()).put("text", s.text())
                    .put("failing", s.failing()).put("from", s.from()).put("time", s.time()));
        }
        Counterexample.Shrink sh = ce.shrink();
        return Json.object()
                .put("failure", Json.object().put("kind", f.kind()).put("check", f.check()).put("path", f.path())
                        .put("message", f.message()).put("actor", f.actor()).put("step", f.step()))
                .put("foundSeed", ce.foundSeed())
                .put("foundPctK", ce.foundPctK())
                .put("choices", ce.choices())
                .put("scheduleFile", ce.scheduleFile())
                .put("replay", ce.replay())
                .put("shrink", Json.object().put("before", size(sh.before())).put("after", size(sh.after()))
                        .put("candidates", sh.candidates()).put("oneMinimal", sh.oneMinimal()))
                .put("story", story)
                .put("states", StateView.json(ce.states()));
    }

    private static Json size(Counterexample.Size s) {
        return Json.object().put("preemptions", s.preemptions()).put("choices", s.choices()).put("steps", s.steps());
    }

    /**
     * Indents compact JSON by two spaces a level, one member or element per line; empty objects and
     * arrays stay {@code {}} and {@code []}. Strings are copied untouched.
     */
    static String pretty(String compact) {
        StringBuilder sb = new StringBuilder(compact.length() * 2);
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (inString) {
                sb.append(c);
                if (c == '\\') {
                    sb.append(compact.charAt(++i));
                } else if (c == '"') {
                    inString = false;
                }
                continue;
            }
            switch (c) {
                case '"' -> {
                    inString = true;
                    sb.append(c);
                }
                case '{', '[' -> {
                    char close = c == '{' ? '}' : ']';
                    if (i + 1 < compact.length() && compact.charAt(i + 1) == close) {
                        sb.append(c).append(close);
                        i++;
                    } else {
                        sb.append(c);
                        newline(sb, ++depth);
                    }
                }
                case '}', ']' -> {
                    newline(sb, --depth);
                    sb.append(c);
                }
                case ',' -> {
                    sb.append(c);
                    newline(sb, depth);
                }
                case ':' -> sb.append(": ");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void newline(StringBuilder sb, int depth) {
        sb.append('\n');
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }
}

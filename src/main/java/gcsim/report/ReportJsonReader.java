package gcsim.report;

import gcsim.model.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@code report.json} back into the {@link CompareReport} it was rendered from, so that
 * {@code gcsim merge} can combine shard outputs and render them exactly as one run would. Derived
 * keys (labels, summaries, findings) are recomputed, never read.
 */
public final class ReportJsonReader {
    private ReportJsonReader() {}

    /**
     * @throws IllegalArgumentException when the text is not a report of {@link ReportJson#FORMAT}, with
     *     what is wrong
     */
    public static CompareReport parse(String text) {
        Map<?, ?> root = map(JsonParser.parse(text), "the report");
        Object format = root.get("format");
        if (!ReportJson.FORMAT.equals(format)) {
            throw new IllegalArgumentException("format is " + (format == null ? "missing" : "'" + format + "'")
                    + ", expected '" + ReportJson.FORMAT + "' (written by this gcsim's compare)");
        }
        Map<?, ?> g = map(root.get("gcsim"), "gcsim");
        Map<?, ?> s = map(root.get("settings"), "settings");
        CompareReport.Settings settings = new CompareReport.Settings(lng(s, "budget"), (int) lng(s, "pctDepth"),
                lng(s, "dfsExecutions"), integer(s.get("dfsPreemptionBound")), integer(s.get("dfsStarvationBound")),
                lng(s, "seed"), (int) lng(s, "maxSteps"), (int) lng(s, "shrinkCandidates"));
        CompareReport.Machine machine = null;
        if (root.get("machine") instanceof Map<?, ?> m) {
            machine = new CompareReport.Machine((int) lng(m, "cores"), str(m, "jvm"));
        }
        CompareReport.Header header = new CompareReport.Header(str(g, "version"), (String) g.get("commit"),
                (String) g.get("date"), settings, machine);
        List<CompareReport.ScenarioInfo> scenarios = new ArrayList<>();
        for (Object o : list(root.get("scenarios"), "scenarios")) {
            Map<?, ?> m = map(o, "scenario");
            scenarios.add(new CompareReport.ScenarioInfo(str(m, "name"), str(m, "summary"), str(m, "sha256")));
        }
        List<CompareReport.VariantInfo> variants = new ArrayList<>();
        for (Object o : list(root.get("variants"), "variants")) {
            Map<?, ?> m = map(o, "variant");
            variants.add(new CompareReport.VariantInfo(str(m, "id"), str(m, "description")));
        }
        List<Cell> cells = new ArrayList<>();
        for (Object o : list(root.get("cells"), "cells")) {
            cells.add(cell(map(o, "cell")));
        }
        CompareReport.Shard shard = null;
        if (root.get("shard") instanceof Map<?, ?> m) {
            shard = new CompareReport.Shard((int) lng(m, "index"), (int) lng(m, "count"));
        }
        CompareReport.Timings timings = null;
        if (root.get("timings") instanceof Map<?, ?> t) {
            List<CompareReport.CellTiming> ct = new ArrayList<>();
            for (Object o : list(t.get("cells"), "timings")) {
                Map<?, ?> m = map(o, "timing");
                ct.add(new CompareReport.CellTiming(str(m, "scenario"), str(m, "variant"), lng(m, "ms")));
            }
            timings = new CompareReport.Timings(lng(t, "totalMs"), ct);
        }
        return new CompareReport(header, scenarios, variants, cells, timings, shard);
    }

    private static Cell cell(Map<?, ?> c) {
        String kind = str(c, "verdict");
        Cell.Phase random = phase(c.get("random"));
        Cell.Phase pct = phase(c.get("pct"));
        Cell.Dfs dfs = null;
        if (c.get("dfs") instanceof Map<?, ?> d) {
            dfs = new Cell.Dfs(str(d, "verdict"), lng(d, "executions"), lng(d, "pruned"), lng(d, "cut"),
                    lng(d, "terminalStates"), bool(d, "complete"), integer(d.get("preemptionBound")), lng(d, "blocked"),
                    c.get("stateful") instanceof Map<?, ?> st ? new Cell.Stateful(str(st, "verdict"), lng(st, "transitions"),
                    lng(st, "distinctStates"), (int) lng(st, "maxDepth"), lng(st, "maxStates")) : null);
        }
        Map<?, ?> cov = map(c.get("coverage"), "coverage");
        Cell.Coverage coverage = new Cell.Coverage(lng(cov, "executions"), lng(cov, "gcRan"), lng(cov, "gcDuringClientOps"),
                lng(cov, "deletedSomething"));
        Verdict verdict = switch (kind) {
            case "fail" -> new Verdict.Fail(lng(c, "schedulesToFailure"), str(c, "foundBy"), (String) c.get("carriedFrom"));
            case "verified" -> new Verdict.Verified(lng(c, "runs"));
            case "pass" -> new Verdict.Pass(lng(c, "runs"));
            case "error" -> new Verdict.Error(str(c, "error"));
            default -> throw new IllegalArgumentException("unknown verdict '" + kind + "'");
        };
        Counterexample ce = c.get("counterexample") == null ? null : counterexample(map(c.get("counterexample"), "counterexample"));
        return new Cell(str(c, "scenario"), str(c, "variant"), verdict, random, pct, dfs, coverage, ce);
    }

    private static Counterexample counterexample(Map<?, ?> m) {
        Map<?, ?> f = map(m.get("failure"), "failure");
        Counterexample.FailureInfo info = new Counterexample.FailureInfo(str(f, "kind"), (String) f.get("check"),
                (String) f.get("path"), str(f, "message"), (String) f.get("actor"), (int) lng(f, "step"));
        Map<?, ?> sh = map(m.get("shrink"), "shrink");
        Counterexample.Shrink shrink = new Counterexample.Shrink(size(sh.get("before")), size(sh.get("after")),
                (int) lng(sh, "candidates"), bool(sh, "oneMinimal"));
        List<Counterexample.StoryStep> story = new ArrayList<>();
        for (Object o : list(m.get("story"), "story")) {
            Map<?, ?> st = map(o, "story step");
            story.add(new Counterexample.StoryStep((int) lng(st, "number"), str(st, "actor"), str(st, "text"),
                    bool(st, "failing"), (String) st.get("from"), lng(st, "time")));
        }
        Long seed = m.get("foundSeed") == null ? null : lng(m, "foundSeed");
        return new Counterexample(info, seed, integer(m.get("foundPctK")), str(m, "choices"), str(m, "scheduleFile"),
                str(m, "replay"), shrink, story, states(m.get("states")));
    }

    /** The state view of a counterexample, as {@link StateView#json} wrote it (validity of the story's paths only). */
    private static List<StateView.Row> states(Object o) {
        List<StateView.Row> rows = new ArrayList<>();
        if (o == null) {
            return rows;
        }
        for (Object item : list(o, "states")) {
            Map<?, ?> st = map(item, "state");
            WorldState ws = null;
            if (st.containsKey("roots")) {
                List<WorldState.TempRootFile> files = new ArrayList<>();
                for (Object f : list(st.get("tempRootFiles"), "tempRootFiles")) {
                    Map<?, ?> fm = map(f, "temproots file");
                    files.add(new WorldState.TempRootFile(str(fm, "process"), (int) lng(fm, "pid"), strings(fm.get("paths"))));
                }
                List<WorldState.Collector> collectors = new ArrayList<>();
                for (Object c : list(st.get("collectors"), "collectors")) {
                    Map<?, ?> cm = map(c, "collector");
                    collectors.add(new WorldState.Collector(str(cm, "process"), strings(cm.get("shared")), (String) cm.get("pending")));
                }
                List<WorldState.PathValidity> paths = new ArrayList<>();
                for (Object p : list(st.get("valid"), "valid")) {
                    Map<?, ?> pm = map(p, "path validity");
                    paths.add(new WorldState.PathValidity(str(pm, "path"), bool(pm, "valid")));
                }
                ws = new WorldState((int) lng(st, "step"), strings(st.get("roots")), files, collectors,
                        (String) st.get("gcLock"), paths);
            }
            rows.add(new StateView.Row(str(st, "line"), (int) lng(st, "step"), ws));
        }
        return rows;
    }

    private static List<String> strings(Object o) {
        List<String> out = new ArrayList<>();
        for (Object x : list(o, "list of names")) {
            out.add(String.valueOf(x));
        }
        return out;
    }

    private static Counterexample.Size size(Object o) {
        Map<?, ?> m = map(o, "size");
        return new Counterexample.Size((int) lng(m, "preemptions"), (int) lng(m, "choices"), (int) lng(m, "steps"));
    }

    private static Cell.Phase phase(Object o) {
        if (o == null) {
            return null;
        }
        Map<?, ?> m = map(o, "phase");
        return new Cell.Phase(lng(m, "schedules"), lng(m, "cut"), bool(m, "failed"));
    }

    private static Map<?, ?> map(Object o, String what) {
        if (o instanceof Map<?, ?> m) {
            return m;
        }
        throw new IllegalArgumentException(what + " is not an object");
    }

    private static List<?> list(Object o, String what) {
        if (o instanceof List<?> l) {
            return l;
        }
        throw new IllegalArgumentException(what + " is not an array");
    }

    private static String str(Map<?, ?> m, String key) {
        if (m.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("'" + key + "' is missing or not a string");
    }

    private static long lng(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Long l) {
            return l;
        }
        throw new IllegalArgumentException("'" + key + "' is missing or not a whole number");
    }

    private static boolean bool(Map<?, ?> m, String key) {
        if (m.get(key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("'" + key + "' is missing or not true/false");
    }

    private static Integer integer(Object o) {
        return o == null ? null : (int) (long) (Long) o;
    }
}

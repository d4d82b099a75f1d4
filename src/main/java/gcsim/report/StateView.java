package gcsim.report;

import gcsim.check.RunResult;
import gcsim.model.WorldState;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The state beside each story line, as a TLC trace shows one: roots, each process's temp roots (in
 * its temproots file) and each collector's shared set and {@code pending}, who holds gc.lock, and the
 * validity of the paths the story names. Lets a reader check a line such as "deletes hosts.drv (no
 * temp root)" against what the world held at that step.
 */
public final class StateView {
    private StateView() {}

    /** One story line with the state after its step. */
    public record Row(String line, int step, WorldState state) {}

    /** The rows of a story: {@code lines} and the steps they tell of (see {@link Story#steps}). */
    public static List<Row> rows(RunResult r, List<String> lines, List<Integer> steps) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            out.add(new Row(lines.get(i), steps.get(i), at(r.states(), steps.get(i))));
        }
        return out;
    }

    /** The last state taken at or before {@code step}, or null. */
    private static WorldState at(List<WorldState> states, int step) {
        WorldState found = null;
        for (WorldState s : states) {
            if (s.step() <= step) {
                found = s;
            }
        }
        return found;
    }

    /** The store paths the story names, in the scenario's order. */
    public static List<String> storyPaths(List<Row> rows) {
        List<String> out = new ArrayList<>();
        for (Row row : rows) {
            if (row.state() == null) {
                continue;
            }
            for (WorldState.PathValidity p : row.state().paths()) {
                if (!out.contains(p.name()) && mentions(rows, p.name())) {
                    out.add(p.name());
                }
            }
            break;
        }
        return out;
    }

    private static boolean mentions(List<Row> rows, String name) {
        Pattern p = Pattern.compile("(?<![A-Za-z0-9+._?=])" + Pattern.quote(name)
                + "(?![A-Za-z0-9+_?=-]|\\.[A-Za-z0-9])");
        for (Row r : rows) {
            if (p.matcher(r.line()).find()) {
                return true;
            }
        }
        return false;
    }

    /** The text form: each story line, then its state indented under it. */
    public static List<String> text(List<Row> rows) {
        List<String> paths = storyPaths(rows);
        List<String> out = new ArrayList<>();
        for (Row row : rows) {
            out.add(row.line());
            WorldState s = row.state();
            if (s == null) {
                continue;
            }
            out.add("     roots: " + (s.roots().isEmpty() ? "none" : String.join(", ", s.roots())));
            out.add("     temp roots: " + tempRoots(s));
            out.add("     gc.lock: " + s.gcLock() + "; valid: " + validity(s, paths));
        }
        return out;
    }

    /** {@code temproots/1004 (worker-2): [a, b]; collector worker-2: shared [a], pending b}. */
    static String tempRoots(WorldState s) {
        List<String> parts = new ArrayList<>();
        for (WorldState.TempRootFile f : s.tempRootFiles()) {
            parts.add("temproots/" + f.pid() + " (" + f.process() + ") [" + String.join(", ", f.paths()) + "]");
        }
        for (WorldState.Collector c : s.collectors()) {
            parts.add("collector " + c.process() + ": shared [" + String.join(", ", c.shared()) + "], pending "
                    + (c.pending() == null ? "none" : c.pending()));
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    /** {@code hosts.drv yes, dependent.drv no} for the story's paths. */
    static String validity(WorldState s, List<String> paths) {
        List<String> parts = new ArrayList<>();
        for (WorldState.PathValidity p : s.paths()) {
            if (paths.contains(p.name())) {
                parts.add(p.name() + (p.valid() ? " yes" : " no"));
            }
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    /** The JSON form: one object per story line. */
    public static List<Json> json(List<Row> rows) {
        List<String> paths = storyPaths(rows);
        List<Json> out = new ArrayList<>();
        for (Row row : rows) {
            WorldState s = row.state();
            Json j = Json.object().put("line", row.line()).put("step", row.step());
            if (s != null) {
                List<Json> files = new ArrayList<>();
                for (WorldState.TempRootFile f : s.tempRootFiles()) {
                    files.add(Json.object().put("process", f.process()).put("pid", f.pid()).put("paths", f.paths()));
                }
                List<Json> collectors = new ArrayList<>();
                for (WorldState.Collector c : s.collectors()) {
                    collectors.add(Json.object().put("process", c.process()).put("shared", c.shared())
                            .put("pending", c.pending()));
                }
                List<Json> valid = new ArrayList<>();
                for (WorldState.PathValidity p : s.paths()) {
                    if (paths.contains(p.name())) {
                        valid.add(Json.object().put("path", p.name()).put("valid", p.valid()));
                    }
                }
                j.put("roots", s.roots()).put("tempRootFiles", files).put("collectors", collectors)
                        .put("gcLock", s.gcLock()).put("valid", valid);
            }
            out.add(j);
        }
        return out;
    }

    /** The HTML panel: a table, one row per story step; empty when no state was taken. */
    static String html(List<Row> rows) {
        if (rows.stream().allMatch(r -> r.state() == null)) {
            return "";
        }
        List<String> paths = storyPaths(rows);
        StringBuilder sb = new StringBuilder("<div class=\"state\"><table>\n<tr><th>#</th><th>roots</th><th>temp roots"
                + " (files; collectors' shared sets and pending)</th><th>gc.lock</th><th>valid</th></tr>\n");
        for (Row row : rows) {
            WorldState s = row.state();
            String number = row.line().substring(0, Math.max(0, row.line().indexOf('.')));
            sb.append("<tr><td title=\"").append(Markup.html(row.line())).append("\">").append(Markup.html(number))
                    .append("</td>");
            if (s == null) {
                sb.append("<td colspan=\"4\"></td></tr>\n");
                continue;
            }
            sb.append("<td>").append(Markup.html(s.roots().isEmpty() ? "none" : String.join(", ", s.roots())))
                    .append("</td><td>").append(Markup.html(tempRoots(s))).append("</td><td>").append(Markup.html(s.gcLock()))
                    .append("</td><td>").append(Markup.html(validity(s, paths))).append("</td></tr>\n");
        }
        return sb.append("</table></div>").toString();
    }
}

package gcsim.bench;

import gcsim.report.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one benchmark run measured, with the conditions needed to read it: the machine's load before
 * and after, the number of runs, how long the excluded warm-up was, and where time comes from.
 *
 * @param figures the figures in the order measured
 * @param notes lines that say what was not measured and why
 */
public record BenchReport(String jvm, int processors, double loadBefore, double loadAfter, int runs, double warmupSeconds,
                          double secondsPerRun, List<Figure> figures, List<String> notes) {

    public BenchReport {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    /** The report as people read it: one line per figure, min / median / max, and the target beside it. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("gcsim bench on " + jvm + ", " + processors + " processors; load average " + fmt(loadBefore)
                + " before, " + fmt(loadAfter) + " after");
        out.add("each figure: min / median / max of " + runs + " run" + (runs == 1 ? "" : "s")
                + "; CPU time is each thread's own (ThreadMXBean), so other load on the machine does not count");
        out.add("warm-up excluded: every workload first rehearses its measured runs with new executors (a throughput"
                + " figure's: one thread, every thread, one thread) for " + fmt(warmupSeconds) + " s of CPU, again while"
                + " the heap grows, and each first-failure strategy runs 10 seeds, none of it measured; a throughput run"
                + " uses " + fmt(secondsPerRun) + " s of CPU per thread");
        String group = null;
        for (Figure f : figures) {
            if (!f.group().equals(group)) {
                group = f.group();
                out.add("");
                out.add(group + ":");
            }
            Spread s = f.spread();
            String line = String.format(Locale.ROOT, "  %-58s %12s / %12s / %12s %s", f.name(), num(s.min()),
                    num(s.median()), num(s.max()), f.unit());
            if (f.target() != null) {
                line += "   [target " + f.target() + ": " + (f.met() ? "met" : "NOT met") + "]";
            }
            out.add(line);
        }
        if (!notes.isEmpty()) {
            out.add("");
            out.addAll(notes);
        }
        return out;
    }

    /** The report as one JSON object, for scripts that track the figures over time. */
    public String json() {
        List<Object> fs = new ArrayList<>();
        for (Figure f : figures) {
            fs.add(Json.object().put("group", f.group()).put("name", f.name()).put("unit", f.unit())
                    .put("min", f.spread().min()).put("median", f.spread().median()).put("max", f.spread().max())
                    .put("target", f.target()).put("met", f.met()));
        }
        return Json.object().put("jvm", jvm).put("processors", processors).put("loadBefore", loadBefore)
                .put("loadAfter", loadAfter).put("runs", runs).put("warmupExcluded", true)
                .put("warmupSeconds", warmupSeconds).put("secondsPerRun", secondsPerRun)
                .put("cpuClock", "ThreadMXBean per thread").put("figures", fs).put("notes", List.copyOf(notes)).toString();
    }

    private static String fmt(double d) {
        return d < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", d);
    }

    private static String num(double d) {
        if (Double.isNaN(d)) {
            return "-";
        }
        if (Math.abs(d) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        return String.format(Locale.ROOT, "%.2f", d);
    }
}

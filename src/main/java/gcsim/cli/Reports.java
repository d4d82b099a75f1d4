package gcsim.cli;

import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.Outcome;
import gcsim.kernel.TraceEvent;
import gcsim.kernel.VirtualTime;
import gcsim.report.Json;
import gcsim.search.Pct;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Text and JSON pieces shared by {@code search} and {@code replay}, so both describe results the same way. */
final class Reports {
    static final int DEFAULT_MAX_STEPS = 100_000;

    private Reports() {}

    /** The self-contained command that replays {@code choices}; the step bound is added when not the default. */
    static String replayCommand(Target t, String choices, int maxSteps) {
        StringBuilder sb = new StringBuilder("sim/gcsim replay --scenario ").append(Shell.quote(t.scenarioArg()))
                .append(" --variant ").append(Shell.quote(t.variant().id()))
                .append(" --choices ").append(choices);
        if (maxSteps != DEFAULT_MAX_STEPS) {
            sb.append(" --max-steps ").append(maxSteps);
        }
        return sb.toString();
    }

    static Json failure(Failure f) {
        if (f == null) {
            return null;
        }
        return Json.object().put("kind", f.kind()).put("check", f.check()).put("path", f.path())
                .put("message", f.message()).put("actor", f.actor()).put("step", f.step());
    }

    static List<Json> trace(List<TraceEvent> trace) {
        List<Json> out = new ArrayList<>(trace.size());
        for (TraceEvent e : trace) {
            out.add(Json.object().put("step", e.step()).put("time", e.time()).put("actor", e.actor()).put("text", e.text()));
        }
        return out;
    }

    /** How the execution ended, in words: {@code completed after 57 steps}. */
    static String ending(RunResult r, int maxSteps) {
        Outcome o = r.outcome();
        return switch (o.end()) {
            case COMPLETE -> "completed after " + o.steps() + " steps";
            case DEADLOCK -> "deadlocked after " + o.steps() + " steps (blocked: " + String.join(", ", o.blocked()) + ")";
            case CUT -> "cut at the step bound (--max-steps " + maxSteps + ") before finishing";
            case STOPPED -> "stopped after " + o.steps() + " steps"
                    + (o.stopReason() == null ? "" : ": " + o.stopReason());
        } + ", virtual time " + VirtualTime.format(o.time());
    }

    /** {@code invalid-path seen by registerValidPaths §2.5 step 4}. */
    static String failureSummary(Failure f) {
        return f.kind() + (f.check() == null ? "" : " seen by " + f.check());
    }

    /** Rounded to one decimal, for JSON. */
    static double rate(double perSecond) {
        return Math.round(perSecond * 10) / 10.0;
    }

    static String rateText(double perSecond) {
        return String.format(Locale.ROOT, "%.1f", perSecond);
    }

    /** PCT's bound for the run, spelled out: {@code 1/(n·k^(d-1)) = 1/(5·412^2) = 2.36e-06}. */
    static String pctBound(int n, int k, int d) {
        double p = Pct.probabilityBound(n, k, d);
        return String.format(Locale.ROOT, "PCT bound: 1/(n·k^(d-1)) = 1/(%d·%d^%d) = %.3g", Math.max(1, n), Math.max(1, k), d - 1, p);
    }
}

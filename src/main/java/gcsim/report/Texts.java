package gcsim.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sentences the Markdown and HTML reports share, written once so the two say the same thing.
 * Plain text: each renderer escapes it for its format.
 */
final class Texts {
    static final String TITLE = "gcsim compare: every scenario under every variant";
    static final String LEGEND = "✗ fails: a schedule broke an oracle; the counterexample below replays it. "
            + "✓ verified: the exhaustive search covered every schedule within its bounds and none failed. "
            + "○ no failure in N schedules: the random walk, PCT and the exhaustive search (N counts all three) found "
            + "nothing, and the exhaustive search did not exhaust the space within its budget, so this is evidence, "
            + "not proof. ⚠ error: gcsim itself failed.";

    private Texts() {}

    static String budgets(CompareReport.Settings s) {
        return s.budget() + " random-walk schedules, then " + s.budget() + " PCT schedules (depth " + s.pctDepth()
                + "), per cell; when both find nothing, an exhaustive search of up to " + s.dfsExecutions()
                + " executions (" + bound(s.dfsPreemptionBound()) + ", " + starvation(s.dfsStarvationBound())
                + "); at most " + s.maxSteps()
                + " steps per execution; shrinking tries at most " + s.shrinkCandidates() + " candidates";
    }

    /** {@code 20000 random-walk and 20000 PCT schedules, up to 200000 exhaustive executions, per cell; seed 1}. */
    static String budgetsShort(CompareReport.Settings s) {
        return s.budget() + " random-walk and " + s.budget() + " PCT schedules, then up to " + s.dfsExecutions()
                + " exhaustive executions, per cell; seed " + s.seed();
    }

    static String starvation(Integer bound) {
        return bound == null ? "no starvation bound" : "at most " + bound + " retry-loop turn" + (bound == 1 ? "" : "s")
                + " (clock advance or busy retry) in a row past an actor that can run";
    }

    static String bound(Integer preemptionBound) {
        return preemptionBound == null ? "no preemption bound" : "at most " + preemptionBound + " preemptions";
    }

    static String seeds(CompareReport.Settings s) {
        return "base seed " + s.seed() + " for both the random walk and PCT; schedule i has seed SplitMix64.mix("
                + s.seed() + ", i)";
    }

    static String machine(CompareReport.Machine m) {
        return m.cores() + " cores, " + m.jvm();
    }

    /** {@code random 40000 (0 cut)} and the like: what each strategy did in the cell. */
    static String random(Cell c) {
        return phase(c.random());
    }

    static String pct(Cell c) {
        return c.pct() == null ? "not run" : phase(c.pct());
    }

    private static String phase(Cell.Phase p) {
        return p.schedules() + (p.failed() ? " (failed)" : "") + (p.cut() > 0 ? ", " + p.cut() + " cut" : "");
    }

    static String dfs(Cell c) {
        Cell.Dfs d = c.dfs();
        if (d == null) {
            return "not run";
        }
        Cell.Stateful st = d.stateful();
        return d.verdict() + ": " + d.executions() + " executions, " + d.pruned() + " pruned, " + d.cut() + " cut, "
                + d.terminalStates() + " terminal states, " + d.blocked() + " blocked, " + bound(d.preemptionBound())
                + (st == null ? "" : "; after the DFS, the stateful search: " + st.verdict() + ", " + st.distinctStates()
                + " distinct states of at most " + st.maxStates() + ", " + st.transitions() + " transitions, depth "
                + st.maxDepth());
    }

    /** {@code 1234 of 40000 (3.1%)}. */
    static String share(long part, long whole) {
        if (whole == 0) {
            return "0 of 0";
        }
        return part + " of " + whole + " (" + String.format(Locale.ROOT, "%.1f", 100.0 * part / whole) + "%)";
    }

    static String failure(Counterexample ce) {
        Counterexample.FailureInfo f = ce.failure();
        return f.kind() + " seen by " + f.check() + ": " + f.message();
    }

    static String found(Cell c) {
        Verdict.Fail f = (Verdict.Fail) c.verdict();
        Counterexample ce = c.counterexample();
        if (f.carried()) {
            return "carried from " + f.carriedFrom() + ": this variant's own search found no failure; the counterexample"
                    + " found under " + f.carriedFrom() + ", carried over by meaning, fails the same way here";
        }
        String how = "found by " + f.strategy() + " in schedule " + f.schedule();
        if (ce.foundSeed() != null) {
            how += " (seed " + ce.foundSeed() + (ce.foundPctK() != null ? ", pct-k " + ce.foundPctK() : "") + ")";
        }
        return how;
    }

    /**
     * One line per scenario with carried cells: which variants fail only through a counterexample
     * carried from which variant, so that a verdict the search alone would have split by luck reads
     * as one verdict with its evidence.
     */
    static List<String> carried(List<Cell> carried) {
        Map<String, List<String>> byScenario = new LinkedHashMap<>();
        for (Cell c : carried) {
            byScenario.computeIfAbsent(c.scenario(), k -> new ArrayList<>())
                    .add(c.variant() + " (from " + ((Verdict.Fail) c.verdict()).carriedFrom() + ")");
        }
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : byScenario.entrySet()) {
            lines.add(e.getKey() + ": the same failure under " + String.join(", ", e.getValue()) + ", with the counterexample"
                    + " of another variant carried over by meaning; the search of " + (e.getValue().size() == 1 ? "that variant"
                    : "those variants") + " alone had found none");
        }
        return lines;
    }

    static String shrink(Counterexample ce) {
        Counterexample.Shrink s = ce.shrink();
        return "shrunk from " + s.before().preemptions() + " to " + s.after().preemptions() + " preemptions, from "
                + s.before().choices() + " to " + s.after().choices() + " choices and from " + s.before().steps() + " to "
                + s.after().steps() + " steps, trying " + s.candidates() + " candidates; "
                + (s.oneMinimal() ? "1-minimal: undoing any one remaining preemption makes the failure vanish"
                        : "not shown 1-minimal: the candidate limit was reached first");
    }

    static String duration(long ms) {
        if (ms < 1000) {
            return ms + " ms";
        }
        long s = Math.round(ms / 1000.0);
        return s < 60 ? s + " s" : s / 60 + " min " + s % 60 + " s";
    }

    /** The slowest cells first, at most {@code n}. */
    static List<CompareReport.CellTiming> slowest(CompareReport r, int n) {
        List<CompareReport.CellTiming> all = new ArrayList<>(r.timings().cells());
        all.sort(Comparator.comparingLong(CompareReport.CellTiming::ms).reversed()
                .thenComparing(CompareReport.CellTiming::scenario).thenComparing(CompareReport.CellTiming::variant));
        return all.subList(0, Math.min(n, all.size()));
    }

    /** {@code a × b 3 s, c × d 1 s}, or {@code none}: the five slowest cells. */
    static String slowestText(CompareReport r) {
        StringBuilder slow = new StringBuilder();
        for (CompareReport.CellTiming t : slowest(r, 5)) {
            if (slow.length() > 0) {
                slow.append(", ");
            }
            slow.append(t.scenario()).append(" × ").append(t.variant()).append(' ').append(duration(t.ms()));
        }
        return slow.length() == 0 ? "none" : slow.toString();
    }

    static List<String> findings(Summaries.Findings f) {
        List<String> out = new ArrayList<>();
        out.add("Variants that fail in no compared scenario: " + orNone(f.noFailure()) + ".");
        out.add("Fewest failing scenarios (" + f.fewest() + "): " + orNone(f.fewestFailures()) + ".");
        out.add("Scenarios that fail under every compared variant: " + orNone(f.failEverywhere()) + ".");
        out.add("Scenarios that fail under no compared variant: " + orNone(f.failNowhere()) + ".");
        return out;
    }

    static String orNone(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}

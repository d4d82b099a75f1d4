package gcsim.search.transfer;

import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.IntList;
import gcsim.kernel.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a transferred counterexample no longer fails: the step where the actor that caused the
 * original failure (the collector that deleted the path, else the actor that failed) first did
 * something else, with what it did instead, and the first place where the run left the original.
 * Both come from the two traces; nothing is worded here that the model did not say.
 *
 * @param step the step of the transferred run where the window closed
 * @param reason one sentence, e.g. "at step 14 worker-2/auto-gc: keeps hosts.drv: … (the original, step
 *     9: deletes hosts.drv …); first difference at step 6: Y: temp-roots hosts.drv …, a step the
 *     original did not have"
 */
record Closure(int step, String reason) {

    static Closure explain(RunResult original, RunResult moved, FollowByMeaning follow) {
        String actor = culprit(original);
        String victim = shortName(original.failure().path());
        List<TraceEvent> was = eventsOf(original.trace(), actor);
        List<TraceEvent> now = eventsOf(moved.trace(), actor);
        int n = 0;
        while (n < was.size() && n < now.size() && was.get(n).text().equals(now.get(n).text())) {
            n++;
        }
        int until = n < now.size() ? now.get(n).step() : moved.outcome().steps() + 1;
        String cause = cause(original, moved, follow, victim, until);
        if (n < was.size() && n < now.size()) {
            TraceEvent e = now.get(n);
            StringBuilder why = new StringBuilder(cause);
            why.append(cause.isEmpty() ? "at step " : "; so at step ").append(e.step()).append(' ').append(actor)
                    .append(": ").append(e.text()).append(" (the original, step ").append(was.get(n).step()).append(": ")
                    .append(was.get(n).text()).append(')');
            int decided = e.step();
            TraceEvent fateNow = fate(now, n + 1, victim);
            TraceEvent fateWas = deletion(was, n, victim);
            if (fateNow != null) {
                why.append(", and at step ").append(fateNow.step()).append(": ").append(fateNow.text());
                if (fateWas != null) {
                    why.append(" (the original, step ").append(fateWas.step()).append(": ").append(fateWas.text()).append(')');
                }
                decided = fateNow.step();
            }
            return new Closure(decided, why.toString());
        }
        String lead = cause.isEmpty() ? "" : cause + "; ";
        if (n < was.size()) {
            int end = moved.outcome().steps();
            return new Closure(end, lead + actor + " never reached the original's step " + was.get(n).step() + " ("
                    + was.get(n).text() + "); the run ended without failure at step " + end);
        }
        return new Closure(firstStep(follow.divergences()), lead + "the run ended without failure; " + actor
                + " did as in the original");
    }

    /**
     * The last step before {@code until} that the original did not have and that names the victim, the
     * closest cause ("step 37, worker-2: temp-roots hosts.drv …, is a step the original did not have"),
     * else the first divergence the model said something about; "" when there is none.
     */
    private static String cause(RunResult original, RunResult moved, FollowByMeaning follow, String victim, int until) {
        IntList matchOf = follow.matchOf();
        TraceEvent last = null;
        TraceEvent lastRoot = null; // a temp root taken is the likeliest cause; prefer it
        for (TraceEvent e : moved.trace()) {
            int s = e.step();
            if (s >= 1 && s < until && s <= matchOf.size() && matchOf.get(s - 1) < 0 && mentions(e.text(), victim)) {
                last = e;
                if (e.text().startsWith("temp-roots ")) {
                    lastRoot = e;
                }
            }
        }
        if (lastRoot != null) {
            last = lastRoot;
        }
        if (last != null) {
            return "step " + last.step() + ", " + last.actor() + ": " + last.text() + ", is a step the original did not have";
        }
        return firstDifference(original, moved, follow.divergences());
    }

    /** The original's deletion of the victim at or after {@code from}, else its first mention. */
    private static TraceEvent deletion(List<TraceEvent> events, int from, String victim) {
        for (int i = from; i < events.size(); i++) {
            if (events.get(i).text().startsWith("deletes " + victim + " ")) {
                return events.get(i);
            }
        }
        return firstMention(events, from, victim);
    }

    /** What the collector decided about the victim at or after {@code from}: a "keeps" or "deletes" line naming it. */
    private static TraceEvent fate(List<TraceEvent> events, int from, String victim) {
        for (int i = from; i < events.size(); i++) {
            String t = events.get(i).text();
            if ((t.startsWith("keeps ") || t.startsWith("deletes ")) && mentions(t, victim)) {
                return events.get(i);
            }
        }
        return null;
    }

    private static TraceEvent firstMention(List<TraceEvent> events, int from, String victim) {
        for (int i = from; i < events.size(); i++) {
            if (mentions(events.get(i).text(), victim)) {
                return events.get(i);
            }
        }
        return null;
    }

    /** True when {@code text} names {@code name} as a whole store-path name. */
    static boolean mentions(String text, String name) {
        if (name == null) {
            return false;
        }
        for (int i = text.indexOf(name); i >= 0; i = text.indexOf(name, i + 1)) {
            boolean before = i == 0 || !nameChar(text.charAt(i - 1));
            int j = i + name.length();
            boolean after = j == text.length() || !(nameChar(text.charAt(j)) && text.charAt(j) != '.')
                    || (text.charAt(j) == '.' && (j + 1 == text.length() || text.charAt(j + 1) == ' '));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    private static boolean nameChar(char c) {
        return Character.isLetterOrDigit(c) || "+._?=-".indexOf(c) >= 0;
    }

    /** The collector that deleted the failing path in the original, else the actor that failed. */
    private static String culprit(RunResult original) {
        Failure f = original.failure();
        String name = shortName(f.path());
        if (name != null) {
            for (TraceEvent e : original.trace()) {
                if (e.story() && e.text().startsWith("deletes " + name)) {
                    return e.actor();
                }
            }
        }
        return f.actor() == null ? "-" : f.actor();
    }

    private static String shortName(String path) {
        if (path == null) {
            return null;
        }
        int slash = path.lastIndexOf('/');
        int dash = path.indexOf('-', slash + 1);
        return dash < 0 ? null : path.substring(dash + 1);
    }

    private static List<TraceEvent> eventsOf(List<TraceEvent> trace, String actor) {
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : trace) {
            if (e.actor().equals(actor)) {
                out.add(e);
            }
        }
        return out;
    }

    private static int firstStep(List<Divergence> ds) {
        for (Divergence d : ds) {
            if (d.kind() != Divergence.Kind.VALUE) {
                return d.step();
            }
        }
        return 0;
    }

    /** "the first difference, at step N: …" for the first divergence the model said something about, else "". */
    private static String firstDifference(RunResult original, RunResult moved, List<Divergence> ds) {
        for (Divergence d : ds) {
            if (d.kind() == Divergence.Kind.ADDED && said(moved.trace(), d.step(), d.actor()) != null) {
                return "the first difference, at step " + d.step() + ": " + d.actor() + ": "
                        + said(moved.trace(), d.step(), d.actor()) + ", a step the original did not have";
            }
            if (d.kind() == Divergence.Kind.REMOVED && said(original.trace(), d.recordedStep(), d.actor()) != null) {
                return "the first difference: the original's step " + d.recordedStep() + " (" + d.actor() + ": "
                        + said(original.trace(), d.recordedStep(), d.actor()) + ") does not happen here";
            }
            if (d.kind() == Divergence.Kind.REORDERED) {
                return "the first difference, at step " + d.step() + ": " + d.actor() + " ran before " + d.waitedFor()
                        + ", which could not run yet";
            }
        }
        return "";
    }

    /** What the model said at {@code step} for {@code actor}: its story line, else its first note, else null. */
    private static String said(List<TraceEvent> trace, int step, String actor) {
        String note = null;
        for (TraceEvent e : trace) {
            if (e.step() == step && e.actor().equals(actor)) {
                if (e.story()) {
                    return e.text();
                }
                if (note == null) {
                    note = e.text();
                }
            }
        }
        return note;
    }
}

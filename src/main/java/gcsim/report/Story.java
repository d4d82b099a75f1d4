package gcsim.report;

import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The short account of a failing execution: the steps the model marked as part of the story that
 * concern the failing path, numbered, each as {@code actor: what it did}, ending with the error the
 * failing actor saw.
 *
 * <p>Why: a full trace of a race is hundreds of lines; the story is the handful a reviewer needs to
 * believe the race ("X wrote hosts.drv", "W_X exited", "GC deleted hosts.drv", …). It keeps story
 * events that name the failing path, every process exit (exits drop temp roots), and the collector
 * run that deleted the path. It holds no timings or addresses, so two replays tell byte-identical
 * stories.
 */
public final class Story {
    private static final String NAME_CHARS = "A-Za-z0-9+._?=-";

    private Story() {}

    /**
     * The numbered lines, without line terminators; empty when the execution had no trace and no
     * failure. The failure line is left out when the model's last story event already says exactly it.
     */
    public static List<String> lines(RunResult result) {
        return told(result, relevant(result)).lines;
    }

    /**
     * The story of a run told about {@code path} (a full store path), failing or not: how a
     * counterexample's window plays out under another variant, where nothing may fail.
     */
    public static List<String> linesAbout(RunResult result, String path) {
        return told(result, relevant(result.trace(), shortName(path))).lines;
    }

    /** For each line of {@link #lines}, the step it tells of (the failure line: the step the failure was seen). */
    public static List<Integer> steps(RunResult result) {
        return told(result, relevant(result)).steps;
    }

    /** For each line of {@link #linesAbout}, the step it tells of. */
    public static List<Integer> stepsAbout(RunResult result, String path) {
        return told(result, relevant(result.trace(), shortName(path))).steps;
    }

    private record Told(List<String> lines, List<Integer> steps) {}

    private static Told told(RunResult result, List<TraceEvent> events) {
        List<String> out = new ArrayList<>();
        List<Integer> steps = new ArrayList<>();
        int n = 0;
        String last = null;
        for (TraceEvent e : events) {
            last = e.actor() + ": " + e.text();
            out.add(++n + ". " + last);
            steps.add(e.step());
        }
        Failure f = result.failure();
        if (f != null && !failureLine(f).equals(last)) {
            out.add(++n + ". " + failureLine(f));
            steps.add(f.step());
        }
        return new Told(out, steps);
    }

    /**
     * The virtual time of each of {@link #lines}' lines, in nanoseconds: the event's time, and for a
     * closing failure line the time the execution ended.
     */
    public static List<Long> times(RunResult result) {
        List<TraceEvent> events = relevant(result);
        List<Long> out = new ArrayList<>();
        String last = null;
        for (TraceEvent e : events) {
            last = e.actor() + ": " + e.text();
            out.add(e.time());
        }
        Failure f = result.failure();
        if (f != null && !failureLine(f).equals(last)) {
            out.add(result.outcome().time());
        }
        return out;
    }

    /** The story events worth telling: a crash's ({@link #crash}), a lost path's, or all of them when no path is known. */
    static List<TraceEvent> relevant(RunResult result) {
        Failure f = result.failure();
        if (f != null && CRASH.equals(f.kind()) && f.actor() != null) {
            return crash(result.trace(), processOf(f.actor()));
        }
        return relevant(result.trace(), shortName(f));
    }

    /** The failure kind of a process that Nix aborts ({@code std::terminate}): it concerns no store path. */
    private static final String CRASH = "crash";

    /**
     * A crash's story: what the crashing process's threads did (without the temp roots and
     * registrations of its own store operations, which do not bear on the crash), and every exit and
     * interrupt, since a client's leaving is what sets a worker's interrupt flag. Too few such events
     * (never in the library): every story event.
     */
    private static List<TraceEvent> crash(List<TraceEvent> trace, String process) {
        List<TraceEvent> story = trace.stream().filter(TraceEvent::story).toList();
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : story) {
            String t = e.text();
            boolean own = processOf(e.actor()).equals(process) && !t.startsWith("temp-roots ") && !t.startsWith("registers ");
            if (own || t.contains(" exits") || t.contains(" interrupted") || t.startsWith("error: ")) {
                out.add(e);
            }
        }
        return out.size() < 3 ? story : withoutPlainVisits(out);
    }

    private static List<TraceEvent> relevant(List<TraceEvent> trace, String name) {
        List<TraceEvent> story = trace.stream().filter(TraceEvent::story).toList();
        if (name == null) {
            return story;
        }
        // a mention may follow the hash's dash, as in a full store path
        Pattern mentions = Pattern.compile("(?<![A-Za-z0-9+._?=])" + Pattern.quote(name) + "(?![" + NAME_CHARS + "])");
        String deleter = null;
        for (TraceEvent e : story) {
            if (e.text().startsWith("deletes ") && mentions.matcher(e.text()).find()) {
                deleter = processOf(e.actor());
            }
        }
        List<TraceEvent> out = new ArrayList<>();
        for (TraceEvent e : story) {
            boolean keep = mentions.matcher(e.text()).find()
                    || e.text().contains(" exits")
                    || e.text().startsWith("error: ")
                    || (deleter != null && processOf(e.actor()).equals(deleter)
                        && (e.text().contains("auto-GC") || e.text().contains("gc.lock")));
            if (keep) {
                out.add(e);
            }
        }
        return out.size() < 3 ? story : withoutPlainVisits(out);
    }

    /**
     * Drops the collector's visit-order lines (B6 "visits", B7 "is valid; enqueues") unless the window
     * turns on them: a temp root that reached the collector through its socket, or a closure of more
     * than one path. A lone path visited and deleted needs no more than its deletion line.
     */
    private static List<TraceEvent> withoutPlainVisits(List<TraceEvent> events) {
        for (TraceEvent e : events) {
            if (e.text().startsWith("records temp root ") || e.text().contains("; closure of ")) {
                return events;
            }
        }
        return events.stream().filter(e -> !isVisitLine(e.text())).toList();
    }

    private static boolean isVisitLine(String text) {
        return text.startsWith("visits ") || text.contains(" is valid; enqueues ") || text.contains(" is valid; nothing new");
    }

    /** {@code hosts.drv} for {@code /nix/store/<hash>-hosts.drv}; null when there is no such path. */
    static String shortName(Failure f) {
        return f == null ? null : shortName(f.path());
    }

    private static String shortName(String p) {
        if (p == null) {
            return null;
        }
        int slash = p.lastIndexOf('/');
        int dash = p.indexOf('-', slash + 1);
        return dash < 0 ? null : p.substring(dash + 1);
    }

    private static String processOf(String actor) {
        int slash = actor.indexOf('/');
        return slash < 0 ? actor : actor.substring(0, slash);
    }

    /** {@code actor: error: message}, the last line of a story. */
    public static String failureLine(Failure f) {
        return (f.actor() == null ? "-" : f.actor()) + ": error: " + f.message();
    }
}

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
        List<TraceEvent> events = relevant(result);
        List<String> out = new ArrayList<>();
        int n = 0;
        String last = null;
        for (TraceEvent e : events) {
            last = e.actor() + ": " + e.text();
            out.add(++n + ". " + last);
        }
        Failure f = result.failure();
        if (f != null && !failureLine(f).equals(last)) {
            out.add(++n + ". " + failureLine(f));
        }
        return out;
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

    /** The story events worth telling: all of them when no failing path is known. */
    static List<TraceEvent> relevant(RunResult result) {
        List<TraceEvent> story = result.trace().stream().filter(TraceEvent::story).toList();
        String name = shortName(result.failure());
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
        return out.size() < 3 ? story : out;
    }

    /** {@code hosts.drv} for {@code /nix/store/<hash>-hosts.drv}; null when there is no such path. */
    static String shortName(Failure f) {
        if (f == null || f.path() == null) {
            return null;
        }
        String p = f.path();
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

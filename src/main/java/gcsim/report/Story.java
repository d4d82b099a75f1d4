package gcsim.report;

import gcsim.check.Failure;
import gcsim.check.RunResult;
import gcsim.kernel.TraceEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The short account of a failing execution: only the steps the model marked as part of the story,
 * numbered, each as {@code actor: what it did}, ending with the error the failing actor saw.
 *
 * <p>Why: a full trace of a race is hundreds of lines; the story is the handful a reviewer needs to
 * believe the race ("X wrote hosts.drv", "W_X exited", "GC deleted hosts.drv", …). It holds no
 * timings or addresses, so two replays tell byte-identical stories.
 */
public final class Story {
    private Story() {}

    /**
     * The numbered lines, without line terminators; empty when the execution had no trace and no
     * failure. The failure line is left out when the model's last story event already says exactly it.
     */
    public static List<String> lines(RunResult result) {
        List<String> out = new ArrayList<>();
        int n = 0;
        String last = null;
        for (TraceEvent e : result.trace()) {
            if (e.story()) {
                last = e.actor() + ": " + e.text();
                out.add(++n + ". " + last);
            }
        }
        Failure f = result.failure();
        if (f != null && !failureLine(f).equals(last)) {
            out.add(++n + ". " + failureLine(f));
        }
        return out;
    }

    /** {@code actor: error: message}, the last line of a story. */
    public static String failureLine(Failure f) {
        return (f.actor() == null ? "-" : f.actor()) + ": error: " + f.message();
    }
}

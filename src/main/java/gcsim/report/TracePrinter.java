package gcsim.report;

import gcsim.kernel.Kernel;
import gcsim.kernel.TraceEvent;
import gcsim.kernel.VirtualTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The full step trace, one event a line: {@code #step  time  actor  text}. Columns are padded to the
 * widest entry of the trace itself, so the output depends on the execution only and replays match
 * byte for byte. Time is virtual time ({@link gcsim.kernel.VirtualTime#format}), never the wall clock.
 */
public final class TracePrinter {
    private TracePrinter() {}

    public static List<String> lines(List<TraceEvent> trace) {
        int stepWidth = 1;
        int timeWidth = 1;
        int actorWidth = 1;
        for (TraceEvent e : trace) {
            stepWidth = Math.max(stepWidth, 1 + Integer.toString(e.step()).length());
            timeWidth = Math.max(timeWidth, VirtualTime.format(e.time()).length());
            actorWidth = Math.max(actorWidth, e.actor().length());
        }
        List<String> out = new ArrayList<>(trace.size());
        StringBuilder sb = new StringBuilder();
        for (TraceEvent e : trace) {
            sb.setLength(0);
            pad(sb, "#" + e.step(), stepWidth);
            sb.append("  ");
            pad(sb, VirtualTime.format(e.time()), timeWidth);
            sb.append("  ");
            pad(sb, e.actor(), actorWidth);
            sb.append("  ").append(e.text());
            out.add(sb.toString());
        }
        return out;
    }

    private static void pad(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
    }
}

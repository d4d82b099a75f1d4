package gcsim.report;

import gcsim.search.CellCheck;
import gcsim.search.CoverageCounter;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress of {@code gcsim compare} on stderr: on a terminal, one line redrawn in place (a bar of
 * cells done, the cell running now, schedules per second, failing cells so far, and an estimate of
 * the time left); otherwise one plain line per finished cell with cells left and the estimate, and
 * while a long cell runs a line every {@value #HEARTBEAT_MS} ms naming the running cells, so a log
 * never goes quiet for long. The estimate is the wall time so far per finished cell times the cells
 * left (cells running in parallel are in that wall time already). Progress reads wall-clock time; nothing it shows reaches
 * a report.
 */
public final class CompareProgress implements AutoCloseable {
    private static final int BAR = 24;
    private static final long REDRAW_MS = 250;
    static final long HEARTBEAT_MS = 5_000;

    private final PrintStream err;
    private final boolean terminal;
    private final int total;
    private final long start = System.nanoTime();
    private final AtomicLong finishedSchedules = new AtomicLong();
    private final List<CellMeter> running = new ArrayList<>();
    private long lastLineNanos = System.nanoTime();
    private final long heartbeatMs;
    private final Thread redraw;
    private int done;
    private int failing;
    private int lastWidth;
    private volatile boolean closed;

    /**
     * @param terminal true to draw a bar in place (stderr is a terminal), false for plain lines
     * @param total how many cells will run
     */
    public CompareProgress(PrintStream err, boolean terminal, int total) {
        this(err, terminal, total, HEARTBEAT_MS);
    }

    /** As above, with a log line at least every {@code heartbeatMs} ms while cells run (tests shorten it). */
    CompareProgress(PrintStream err, boolean terminal, int total, long heartbeatMs) {
        this.heartbeatMs = heartbeatMs;
        this.err = err;
        this.terminal = terminal;
        this.total = total;
        redraw = new Thread(this::redrawLoop, "gcsim-progress");
        redraw.setDaemon(true);
        redraw.start();
    }

    /** A listener for one cell's check; call {@link #cellDone} with it when the cell is finished. */
    public synchronized CellMeter startCell(String label) {
        CellMeter m = new CellMeter(label);
        running.add(m);
        return m;
    }

    /** A cell finished with {@code verdict}; {@code label} names it, as {@code scenario × variant}. */
    public void cellDone(CellMeter meter, String label, Verdict verdict, long ms) {
        cellDone(meter, label, verdict, ms, "");
    }

    /** As above; {@code how}, when not empty, says how the verdict was reached, after the time. */
    public synchronized void cellDone(CellMeter meter, String label, Verdict verdict, long ms, String how) {
        running.remove(meter);
        finishedSchedules.addAndGet(meter.completed.get());
        done++;
        if (verdict instanceof Verdict.Fail) {
            failing++;
        }
        if (terminal) {
            draw();
        } else {
            err.println("gcsim: [" + done + "/" + total + "] " + label + ": " + verdict.label() + " ("
                    + Texts.duration(ms) + (how.isEmpty() ? "" : ", " + how) + "); " + (total - done) + " left" + estimate());
            lastLineNanos = System.nanoTime();
        }
    }

    /** Cells finished so far, in the order they finished: what the progress lines counted. */
    public synchronized int cellsDone() {
        return done;
    }

    /** Cells finished so far that failed. */
    public synchronized int cellsFailing() {
        return failing;
    }

    /** Stops redrawing and ends the bar's line. */
    @Override
    public void close() {
        closed = true;
        redraw.interrupt();
        try {
            redraw.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal) {
            synchronized (this) {
                draw();
                err.println();
            }
        }
    }

    private void redrawLoop() {
        while (!closed) {
            try {
                Thread.sleep(REDRAW_MS);
            } catch (InterruptedException e) {
                return;
            }
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (terminal) {
                    draw();
                } else if (System.nanoTime() - lastLineNanos >= heartbeatMs * 1_000_000) {
                    heartbeat();
                }
            }
        }
    }

    /** {@code , about 3 min 20 s left}, or nothing before the first cell has finished. */
    private String estimate() {
        if (done == 0 || done >= total) {
            return "";
        }
        double wallPerCell = (System.nanoTime() - start) / 1e6 / done;
        return ", about " + Texts.duration((long) (wallPerCell * (total - done))) + " left";
    }

    /** One line for a log: the cells running now and how far each got. */
    private void heartbeat() {
        StringBuilder now = new StringBuilder();
        for (CellMeter m : running) {
            if (now.length() > 0) {
                now.append(", ");
            }
            now.append(m.label).append(" (").append(m.sofar()).append(" schedules)");
        }
        err.println("gcsim: running " + (now.length() == 0 ? "nothing" : now) + "; " + done + "/" + total + " cells done"
                + estimate() + ", " + Texts.duration((System.nanoTime() - start) / 1_000_000) + " so far");
        lastLineNanos = System.nanoTime();
    }

    private void draw() {
        long schedules = finishedSchedules.get();
        for (CellMeter m : running) {
            schedules += m.sofar();
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - start) / 1e9);
        int filled = total == 0 ? BAR : (int) ((long) BAR * done / total);
        String line = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + done + "/" + total + " cells"
                + (running.isEmpty() ? "" : "  now " + running.get(0).label + (running.size() > 1 ? " +" + (running.size() - 1) : ""))
                + "  " + String.format(Locale.ROOT, "%.0f", schedules / seconds) + " schedules/s  " + failing + " failing  "
                + Texts.duration((long) (seconds * 1000)) + estimate();
        StringBuilder sb = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < lastWidth; i++) {
            sb.append(' ');
        }
        lastWidth = line.length();
        err.print(sb);
        err.flush();
    }

    /** Counts one cell's schedules and executions as its check runs. */
    public static final class CellMeter implements CellCheck.Listener {
        private final String label;
        private final AtomicLong completed = new AtomicLong();
        private volatile long live;
        private volatile CoverageCounter exhaustive;

        CellMeter(String label) {
            this.label = label;
        }

        @Override
        public void schedules(long doneSoFar) {
            live = doneSoFar;
        }

        @Override
        public void phaseDone(long runs) {
            completed.addAndGet(runs);
            live = 0;
            exhaustive = null;
        }

        @Override
        public void exhaustiveStarted(CoverageCounter runs) {
            exhaustive = runs;
        }

        long sofar() {
            CoverageCounter x = exhaustive;
            return completed.get() + live + (x == null ? 0 : x.runs());
        }
    }
}

package gcsim.cli;

import java.io.PrintStream;
import java.util.function.Supplier;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM end a search or compare with one line on stderr that says what ran, what was
 * found and where it is saved, and exit code 130 or 143 (128 + the signal's number), as shells expect.
 * The running command names what to say (and to save first) with {@link #onSignal}; the handler runs
 * it once, then halts without further shutdown work, so nothing runs after the summary.
 *
 * <p>Installed only by {@link Main#main}: commands run in-process by tests never touch the JVM's
 * signal handling.
 */
final class Interrupts {
    private static volatile Supplier<String> summary;
    private static volatile boolean installed;

    private Interrupts() {}

    /** Installs the handlers for SIGINT and SIGTERM, printing to {@code err}. */
    static void install(PrintStream err) {
        for (String[] s : new String[][] {{"INT", "130"}, {"TERM", "143"}}) {
            try {
                Signal.handle(new Signal(s[0]), sig -> stop("SIG" + s[0], Integer.parseInt(s[1]), err));
            } catch (IllegalArgumentException e) {
                // this platform does not let us handle it; the JVM's default stays
            }
        }
        installed = true;
    }

    /** What to do and say when interrupted: {@code what} saves what it can and returns the line; null clears it. */
    static void onSignal(Supplier<String> what) {
        summary = what;
    }

    static boolean installed() {
        return installed;
    }

    private static synchronized void stop(String signal, int code, PrintStream err) {
        Supplier<String> s = summary;
        String line;
        try {
            line = s == null ? "interrupted" : s.get();
        } catch (RuntimeException e) {
            line = "interrupted (" + e.getMessage() + ")";
        }
        // holding err's monitor until the halt: no progress line from a search thread can follow the summary
        synchronized (err) {
            err.println("gcsim: " + Errors.oneLine(line) + " (" + signal + ")");
            err.flush();
            System.out.flush();
            Runtime.getRuntime().halt(code);
        }
    }
}

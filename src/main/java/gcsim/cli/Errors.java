package gcsim.cli;

import gcsim.scenario.ScenarioException;
import gcsim.scenario.ScenarioRunError;
import gcsim.scenario.Text;
import java.io.PrintStream;

/**
 * Turns whatever ended a command into its exit code and one line on stderr: bad input is 2 (the
 * line says what and what is accepted; scenario-file errors are printed exactly as the loader wrote
 * them), anything else is a bug in gcsim, 3, with a stack trace only when {@code GCSIM_DEBUG} is set.
 */
final class Errors {
    static final int BAD_INPUT = 2;
    static final int INTERNAL = 3;

    private Errors() {}

    static int report(Throwable t, PrintStream err) {
        if (t instanceof BadInput b) {
            err.println("gcsim: " + oneLine(Text.escaped(b.getMessage())));
            return BAD_INPUT;
        }
        if (t instanceof ScenarioException s) {
            err.println(oneLine(s.getMessage()));
            return BAD_INPUT;
        }
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof ScenarioRunError s) { // thrown by a run, wherever it was wrapped
                err.println(oneLine(s.getMessage()));
                return BAD_INPUT;
            }
        }
        err.println("gcsim: internal error: " + oneLine(describe(t)));
        if (debug()) {
            t.printStackTrace(err);
        }
        return INTERNAL;
    }

    /** gcsim's own exceptions speak for themselves; others get their class name. */
    private static String describe(Throwable t) {
        if (t.getMessage() == null) {
            return t.getClass().getName();
        }
        return t.getClass().getPackageName().startsWith("gcsim") ? t.getMessage() : t.getClass().getName() + ": " + t.getMessage();
    }

    static boolean debug() {
        String v = System.getenv("GCSIM_DEBUG");
        return v != null && !v.isEmpty();
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
    }
}

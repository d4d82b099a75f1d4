package gcsim.model;

import gcsim.kernel.Guard;
import gcsim.kernel.Kernel;
import gcsim.kernel.SimProcess;
import gcsim.kernel.VirtualTime;
import gcsim.scenario.Start;

/**
 * The guard of a process whose start the search chooses ({@link Start.Window}, {@link Start.Any}):
 * ready once the window opens, and holding the clock at the window's end until the process has
 * started, so that every start in the window, and no other, is a schedule the search can pick.
 */
final class StartWindow {
    private StartWindow() {}

    static Guard of(World w, Start start) {
        Kernel k = w.kernel;
        if (start instanceof Start.Any) {
            return Guard.window(k, 0, Guard.NEVER);
        }
        Start.Window win = (Start.Window) start;
        if (win.opens() instanceof Start.At at) {
            return Guard.window(k, at.nanos(), plus(at.nanos(), win.within()));
        }
        SimProcess other = w.process(((Start.After) win.opens()).process());
        long within = win.within();
        return new Guard(Guard.ENDINGS, Guard.NEVER, true) { // both answers change only at the other process's exit
            @Override
            public boolean ready() {
                return other.exited();
            }

            @Override
            public long latest() {
                return other.exited() ? plus(other.exitedAt(), within) : Guard.NEVER;
            }
        };
    }

    /** The window in words, for the story: {@code any}, {@code within 5s of 1ms}, {@code within 5s of X's exit}. */
    static String describe(Start start) {
        if (start instanceof Start.Window win) {
            String from = win.opens() instanceof Start.At at ? VirtualTime.format(at.nanos())
                    : ((Start.After) win.opens()).process() + "'s exit";
            return "within " + VirtualTime.format(win.within()) + " of " + from;
        }
        return "any";
    }

    private static long plus(long t, long d) {
        return d >= Guard.NEVER - t ? Guard.NEVER : t + d;
    }
}

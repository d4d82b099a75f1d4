package gcsim.search.dfs;

import gcsim.kernel.IntList;
import java.util.BitSet;

/**
 * Which actors one step made able to run and which it made unable to, read from the enabled sets
 * of the scheduling points before and after it. The race analysis of an execution and the races of
 * a path with a visited state's summary both derive their enabling and disabling edges here, so the
 * two cannot come to disagree on what a step enabled.
 */
final class Enabling {
    private Enabling() {}

    /** Told of each actor a step disabled. */
    interface Disabled {
        void disabled(int step, int slot);
    }

    /**
     * Records step {@code j} of the actor in slot {@code p} as the enabler of every other actor that
     * could run after it and not before, and as a disabler of every other actor that could run before
     * it and not after; {@code next} is null when the state after the step is unknown (nothing is
     * recorded then).
     *
     * @param onDisabled told of each disabling, or null
     */
    static void record(BitSet before, BitSet next, int p, int j, int[] enabler, IntList[] disablers, Disabled onDisabled) {
        if (next == null) {
            return;
        }
        for (int q = next.nextSetBit(0); q >= 0; q = next.nextSetBit(q + 1)) {
            if (q != p && !before.get(q)) {
                enabler[q] = j;
            }
        }
        for (int q = before.nextSetBit(0); q >= 0; q = before.nextSetBit(q + 1)) {
            if (q != p && !next.get(q)) {
                if (disablers[q] == null) {
                    disablers[q] = new IntList(4);
                }
                disablers[q].add(j);
                if (onDisabled != null) {
                    onDisabled.disabled(j, q);
                }
            }
        }
    }
}

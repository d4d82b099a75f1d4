package gcsim.search.dfs;

import gcsim.kernel.IntList;
import java.util.BitSet;
import java.util.List;

/**
 * The disablings the race analysis found in one execution: a step after which an actor that could
 * run no longer could, and whether that actor was blocked (killed while waiting, so that another
 * step must wake it first). Each is reported as a race once the execution is analysed, unless the
 * disabled actor ran again later (its next step then raced with the disabler in the ordinary way).
 *
 * <p>Invariant: the three columns are parallel, in step order; entries of steps at or after the
 * step an analysis resumes from are dropped by {@link #rewind} and found again.
 */
final class Disablings {
    private final IntList steps = new IntList(16);
    private final IntList slots = new IntList(16);
    private final BitSet blocked = new BitSet();

    /** Forgets the disablings by step {@code start} and later. */
    void rewind(int start) {
        while (!steps.isEmpty() && steps.get(steps.size() - 1) >= start) {
            steps.truncate(steps.size() - 1);
        }
        slots.truncate(steps.size());
        blocked.clear(steps.size(), Math.max(steps.size(), blocked.length()));
    }

    /** Step {@code e} disabled the actor in {@code slot}; {@code wasBlocked} when it was killed waiting. */
    void add(int e, int slot, boolean wasBlocked) {
        steps.add(e);
        slots.add(slot);
        if (wasBlocked) {
            blocked.set(steps.size() - 1);
        }
    }

    /**
     * Reports each disabling whose actor did not run again as a race reversed through the initials
     * that could run before the disabler (the would-be step as a virtual last event).
     */
    void report(int[][] vc, int[] lc, int[] slotOf, int width, StepLog log, List<Node> nodes, int[] lastOf,
            Initials initials, RaceSink sink) {
        for (int i = 0; i < steps.size(); i++) {
            int e = steps.get(i);
            int q = slots.get(i);
            if (q < width && lastOf[q] > e) {
                continue; // it ran again: its next step was analysed as a race with e
            }
            BitSet reversing = initials.ofPending(vc, lc, slotOf, width, log, e, q, nodes.get(e).sleeperOf(q));
            // a blocked actor needs another step to enable it first: only initials that can run help
            sink.race(e, q, reversing, blocked.get(i));
        }
    }
}

package gcsim.search;

import gcsim.kernel.Kernel;

/** Counts what the search needs to know about an execution, at a cost of a few instructions per decision. */
final class Tally {
    int decisions;
    private int maxActorId = -1;
    private boolean clockSeen;

    void reset() {
        decisions = 0;
        maxActorId = -1;
        clockSeen = false;
    }

    /** Notes one decision; {@code options} is ascending with the clock advance, if any, last. */
    void decision(int[] options, int count) {
        decisions++;
        int last = options[count - 1];
        if (last == Kernel.ADVANCE_CLOCK) {
            clockSeen = true;
            last = options[count - 2];
        }
        if (last > maxActorId) {
            maxActorId = last;
        }
    }

    int actors() {
        return maxActorId + 1 + (clockSeen ? 1 : 0);
    }
}

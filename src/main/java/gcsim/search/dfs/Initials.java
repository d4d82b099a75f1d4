package gcsim.search.dfs;

import java.util.Arrays;
import java.util.BitSet;

/**
 * The initials of a reversed race, for source-set DPOR: the actors that can start a sequence in
 * which the later step of the race comes before the earlier one. Computed from the vector clocks of
 * the race analysis ({@link RaceAnalysis}), whose arrays each call passes in, since the analysis
 * grows them as executions get longer. Kept apart so that the analysis stays one readable file.
 */
final class Initials {
    private final BitSet set = new BitSet();
    private int[] firstIn = new int[0];

    /**
     * The initials of {@code v = notdep(e).j}: the steps after {@code e} that do not come after it in
     * happens-before, then {@code j}; an actor is initial when its first step in {@code v} has no
     * happens-before predecessor in {@code v}. The set returned is reused by the next call.
     */
    BitSet of(int[][] vc, int[] lc, int[] slotOf, int slots, int e, int j) {
        clear(slots);
        int se = slotOf[e], le = lc[e];
        for (int k = e + 1; k < j; k++) {
            if (vc[k][se] < le && firstIn[slotOf[k]] < 0) {
                firstIn[slotOf[k]] = k;
            }
        }
        if (firstIn[slotOf[j]] < 0) {
            firstIn[slotOf[j]] = j;
        }
        minimalFirsts(vc, lc, slots);
        return set;
    }

    /**
     * The initials of {@code notdep(e).j*}, where {@code j*} is the step {@code q} would have taken
     * had {@code e} not disabled it (it never ran again): a virtual last event after the log's last
     * step, known when {@code q} was asleep at {@code e} ({@code pending}), else unknown (null: taken
     * to conflict with every step). The set returned is reused by the next call.
     */
    BitSet ofPending(int[][] vc, int[] lc, int[] slotOf, int slots, StepLog log, int e, int q, Sleeper pending) {
        clear(slots);
        int se = slotOf[e], le = lc[e];
        boolean minimal = true;
        for (int k = e + 1; k < log.size; k++) {
            if (vc[k][se] < le) {
                if (firstIn[slotOf[k]] < 0) {
                    firstIn[slotOf[k]] = k;
                }
                if (minimal && (pending == null || !pending.independentOf(slotOf[k], log.accesses[k]))) {
                    minimal = false;
                }
            }
        }
        minimalFirsts(vc, lc, slots);
        if (minimal && q < slots) {
            set.set(q);
        }
        return set;
    }

    private void clear(int slots) {
        if (firstIn.length != slots) {
            firstIn = new int[slots];
        }
        Arrays.fill(firstIn, -1);
    }

    /** Sets each actor whose first event has no predecessor among the others'. */
    private void minimalFirsts(int[][] vc, int[] lc, int slots) {
        set.clear();
        for (int q = 0; q < slots; q++) {
            int x = firstIn[q];
            if (x < 0) {
                continue;
            }
            boolean minimal = true;
            for (int a = 0; a < slots && minimal; a++) {
                int y = firstIn[a];
                if (a != q && y >= 0 && y < x && vc[x][a] >= lc[y]) {
                    minimal = false;
                }
            }
            if (minimal) {
                set.set(q);
            }
        }
    }
}

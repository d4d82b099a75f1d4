package gcsim.search.dfs;

import gcsim.kernel.IntList;

/**
 * One step's predecessors in the race analysis: the direct ones (program order, an enabling, a
 * conflict), each once with the strongest kind, and the virtual ones a wait adds (the writes and
 * reads its actor's next step would have met had it run at the wait).
 *
 * <p>The direct predecessors of a step are its actor's previous step, its enabler, the steps that
 * disabled it, for an exit the killed threads' last steps, and for each resource it touches the
 * last write (and, for a write, the reads since); its vector clock is their join.
 *
 * <p>Invariant: {@code preds} and {@code kinds} are parallel and hold no step twice; {@code extra}
 * holds no step of {@code preds}.
 */
final class Predecessors {
    static final int PROGRAM = 0;
    static final int ENABLE = 1;
    static final int CONFLICT = 2;

    final IntList preds = new IntList(16);
    final IntList kinds = new IntList(16);
    final IntList extra = new IntList(16);

    /** Starts a new step. */
    void clear() {
        preds.clear();
        kinds.clear();
        extra.clear();
    }

    /** Adds a direct predecessor, once; an enabling edge wins over a plain conflict. */
    void add(int e, int kind) {
        for (int i = 0; i < preds.size(); i++) {
            if (preds.get(i) == e) {
                if (kind < kinds.get(i)) {
                    kinds.set(i, kind);
                }
                return;
            }
        }
        preds.add(e);
        kinds.add(kind);
    }

    /** Adds a virtual predecessor (of a wait's next step), once, unless it is a direct one. */
    void addExtra(int e) {
        if (e >= 0 && !extra.contains(e) && !preds.contains(e)) {
            extra.add(e);
        }
    }

    /**
     * No direct predecessor (other than entry {@code index} of the list) nor virtual one other than
     * {@code e} comes after {@code e} in happens-before, by the vector clocks {@code vc} and local
     * clocks {@code lc} of the steps, whose actors' slots are {@code slotOf}.
     */
    boolean immediate(int e, int index, int[][] vc, int[] lc, int[] slotOf) {
        int se = slotOf[e], le = lc[e];
        for (int i = 0; i < preds.size(); i++) {
            if (i != index && vc[preds.get(i)][se] >= le) {
                return false;
            }
        }
        if (index < 0) {
            for (int i = 0; i < extra.size(); i++) {
                int x = extra.get(i);
                if (x != e && vc[x][se] >= le) {
                    return false;
                }
            }
        }
        return true;
    }
}

package gcsim.search.dfs;

import gcsim.kernel.IntList;
import java.util.Arrays;

/**
 * What the race analysis held before each step of the last execution it analysed, per actor slot:
 * how many steps the actor had run, its latest step, its pending enabler and disablers; and each
 * step's direct happens-before predecessors.
 *
 * <p>Why: consecutive executions of the depth-first search share a long prefix, and everything the
 * analysis computes for a step depends only on the steps before it (and the scheduling point after
 * it, also shared). Kept per step, this lets the next analysis start at the first step that differs
 * instead of at the start, while giving exactly what a full analysis gives; the predecessors serve
 * the one check that still looks at an earlier step, a wait that began before that step.
 */
final class StepStates {
    private int slots;
    /** Per step {@code j}, from {@code j * 3 * slots}: the counts, latest steps and enablers before it. */
    private int[] saved = new int[0];
    /** Per step, copies of the non-empty disabler lists before it, or null when all were empty. */
    private IntList[][] disablers = new IntList[0][];
    /** Per step {@code j}, where its predecessors begin in {@link #preds}; they end where step {@code j + 1}'s begin. */
    private int[] predStart = new int[1];
    private final IntList preds = new IntList(1024);

    /** Forgets every step: the next analysis starts from the start, with {@code slots} actor slots. */
    void reset(int slots) {
        this.slots = slots;
        preds.clear();
    }

    /** Keeps the state before step {@code j}; the steps from {@code j} on are forgotten. */
    void save(int j, int[] count, int[] lastOf, int[] enabler, IntList[] pending) {
        int at = j * 3 * slots;
        if (saved.length < at + 3 * slots) {
            saved = Arrays.copyOf(saved, Math.max(at + 3 * slots, saved.length * 2));
            disablers = Arrays.copyOf(disablers, Math.max(j + 1, disablers.length * 2));
            predStart = Arrays.copyOf(predStart, Math.max(j + 2, predStart.length * 2));
        }
        System.arraycopy(count, 0, saved, at, slots);
        System.arraycopy(lastOf, 0, saved, at + slots, slots);
        System.arraycopy(enabler, 0, saved, at + 2 * slots, slots);
        IntList[] copy = null;
        for (int q = 0; q < slots; q++) {
            if (pending[q] != null && !pending[q].isEmpty()) {
                if (copy == null) {
                    copy = new IntList[slots];
                }
                copy[q] = pending[q].copy();
            }
        }
        disablers[j] = copy;
        preds.truncate(predStart[j]);
    }

    /** Step {@code j}'s direct predecessors, once found (after {@link #save} of step {@code j}). */
    void predecessors(int j, IntList of) {
        for (int i = 0; i < of.size(); i++) {
            preds.add(of.get(i));
        }
        predStart[j + 1] = preds.size();
    }

    /** Puts the state before step {@code j} back into the arrays (saved by an earlier analysis of the same prefix). */
    void restore(int j, int[] count, int[] lastOf, int[] enabler, IntList[] pending) {
        int at = j * 3 * slots;
        System.arraycopy(saved, at, count, 0, slots);
        System.arraycopy(saved, at + slots, lastOf, 0, slots);
        System.arraycopy(saved, at + 2 * slots, enabler, 0, slots);
        for (int q = 0; q < slots; q++) {
            IntList kept = disablers[j] == null ? null : disablers[j][q];
            pending[q] = kept == null ? null : kept.copy();
        }
        preds.truncate(predStart[j]);
    }

    /** Fills {@code into} with step {@code j}'s direct predecessors, as the analysis found them. */
    void predecessorsOf(int j, IntList into) {
        into.clear();
        for (int i = predStart[j]; i < predStart[j + 1]; i++) {
            into.add(preds.get(i));
        }
    }
}

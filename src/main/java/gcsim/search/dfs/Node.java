package gcsim.search.dfs;

import gcsim.kernel.Kernel;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One scheduling point on the current path of the depth-first search: the state before step
 * {@code step}, what could run there, what was and is to be explored from it, and its sleep set.
 *
 * <p>Options are kept as slots (0 for a clock advance, actor id + 1 for an actor) so that bit sets
 * can hold them; {@link #options} keeps the kernel's own order, which is also the order in which
 * alternatives are tried.
 */
final class Node {
    final int step;
    /** The kernel's options, in its order: actor ids ascending, then possibly the clock advance. */
    final int[] options;
    final BitSet enabled = new BitSet();
    /** The slot of the actor that ran the previous step, or -1 (first step, or after a clock advance). */
    final int previous;
    /** Preemptions on the path before this step. */
    final int preemptions;
    final List<Sleeper> sleep;
    final BitSet sleeping = new BitSet();
    /** Options DPOR asked for here (source-set members), explored or not yet. */
    final BitSet backtrack = new BitSet();
    /** Options explored here, or being explored. */
    final BitSet done = new BitSet();
    /** Options DPOR asked for but the preemption bound refused. */
    final BitSet overBound = new BitSet();
    /** Options whose subtrees are finished, with their footprints: the sleep set of later siblings. */
    final List<Sleeper> explored = new ArrayList<>(2);
    /** Index in the value list where this step's data choices begin. */
    final int valueStart;
    /** The first resource number the kernel hands out after this point (see {@link Sleeper}). */
    final int freshFrom;
    int chosen;
    /** The chosen step's footprint, merged over every execution through it (its data choices vary). */
    int[] chosenFootprint = Accesses.NONE;
    /** The actors the chosen step disabled, merged over every execution through it. */
    BitSet chosenDisables = new BitSet();
    /** The world's fingerprint here, when the stateful DPOR search took it (see {@link StateCache}); else null. */
    gcsim.search.stateful.Fingerprint.Value state;
    /** What ran below this point so far, for the stateful DPOR search; null until something did. */
    Summary below;

    Node(int step, int[] options, int previous, int preemptions, List<Sleeper> sleep, int valueStart, int freshFrom) {
        this.step = step;
        this.options = options;
        this.previous = previous;
        this.preemptions = preemptions;
        this.sleep = sleep;
        this.valueStart = valueStart;
        this.freshFrom = freshFrom;
        for (int o : options) {
            enabled.set(slot(o));
        }
        for (Sleeper s : sleep) {
            sleeping.set(s.slot());
        }
    }

    /**
     * Merges into the chosen step's footprint and disablings what it did in one more execution: its
     * accesses, the actors enabled here that {@code next} (the options after it; null when unknown)
     * lacks, and the threads it killed.
     */
    void merge(int[] accesses, BitSet next, BitSet killed) {
        chosenFootprint = Accesses.union(chosenFootprint, accesses);
        if (next != null) {
            BitSet disabled = (BitSet) enabled.clone();
            disabled.andNot(next);
            disabled.clear(chosen);
            chosenDisables.or(disabled);
        }
        chosenDisables.or(killed);
    }

    /** The sleeper of {@code q} here, whose next step is known; null when {@code q} is not asleep. */
    Sleeper sleeperOf(int q) {
        for (Sleeper s : sleep) {
            if (s.slot() == q) {
                return s;
            }
        }
        return null;
    }

    static int slot(int option) {
        return option == Kernel.ADVANCE_CLOCK ? 0 : option + 1;
    }

    static int option(int slot) {
        return slot == 0 ? Kernel.ADVANCE_CLOCK : slot - 1;
    }

    /** Picking {@code slot} here preempts the previous actor: it could run, and something else does. */
    boolean preempts(int slot) {
        return previous > 0 && enabled.get(previous) && slot != previous;
    }

    /** Preemptions on the path up to and including this step if {@code slot} is picked. */
    int preemptionsWith(int slot) {
        return preemptions + (preempts(slot) ? 1 : 0);
    }

    boolean withinBound(int slot, Integer bound) {
        return bound == null || preemptionsWith(slot) <= bound;
    }

    /**
     * The initial to add at a race: the racing actor when it is an initial that can run here, else
     * the first such initial in the kernel's order; one within the preemption bound if there is one.
     * Returns -1 when no initial can run here.
     */
    int initialFor(BitSet initials, int preferred, Integer bound) {
        int any = -1;
        for (int i = -1; i < options.length; i++) {
            int s = i < 0 ? preferred : slot(options[i]);
            if (!initials.get(s) || !enabled.get(s)) {
                continue;
            }
            if (withinBound(s, bound)) {
                return s;
            }
            if (any < 0) {
                any = s;
            }
        }
        return any;
    }

    /** The first option in the kernel's order asked for, not yet explored, awake and within the bound; -1 if none. */
    int nextAlternative(Integer bound) {
        for (int o : options) {
            int s = slot(o);
            if (backtrack.get(s) && !done.get(s) && !sleeping.get(s) && withinBound(s, bound)) {
                return s;
            }
        }
        return -1;
    }
}

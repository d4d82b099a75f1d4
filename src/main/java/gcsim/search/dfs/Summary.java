package gcsim.search.dfs;

import java.util.Arrays;
import java.util.BitSet;

/**
 * What ran below a state of the stateful DPOR search ({@link StateCache}), per actor: the union of
 * the footprints of its steps, the actors those steps disabled or killed, and whether one of them
 * was the step an oracle stopped an execution at (which conflicts with every other actor). It is
 * what a later visit of the state stands in for the pruned continuation, so races between the new
 * path and that continuation are still found ({@link SummaryRaces}).
 *
 * <p>Why per actor and not per step: the race check built on it asks, per actor, which steps of the
 * path the actor's future steps could depend on, and a union only adds candidates (conservative).
 * Only resources that exist at the state matter (the path's steps cannot touch the ones created
 * below it), so a stored summary drops the others: that keeps it small.
 */
final class Summary {
    /** Per slot, the union of its steps' footprints (null: the slot ran no step). */
    private int[][] footprints = new int[0][];
    /** Per slot, the actors its steps disabled or killed (null: none). */
    private BitSet[] disables = new BitSet[0];
    /** Slots that took a step an oracle stopped an execution at. */
    final BitSet stops = new BitSet();
    /** True when an execution below was cut by the step bound: then the state may not be pruned. */
    boolean cut;

    /** Adds one step of {@code slot}. */
    void add(int slot, int[] footprint, BitSet disabled) {
        grow(slot);
        footprints[slot] = footprints[slot] == null ? footprint : Accesses.union(footprints[slot], footprint);
        if (disabled != null && !disabled.isEmpty()) {
            if (disables[slot] == null) {
                disables[slot] = new BitSet();
            }
            disables[slot].or(disabled);
        }
    }

    /** Adds everything below another state (a successor, or a state a path reached again). */
    void addAll(Summary other) {
        for (int s = 0; s < other.footprints.length; s++) {
            if (other.footprints[s] != null) {
                add(s, other.footprints[s], other.disables[s]);
            }
        }
        stops.or(other.stops);
        cut |= other.cut;
    }

    /** A copy without accesses to resources numbered {@code limit} or above: the form a state keeps. */
    Summary restrictedTo(int limit) {
        Summary r = new Summary();
        r.footprints = new int[footprints.length][];
        r.disables = new BitSet[disables.length];
        for (int s = 0; s < footprints.length; s++) {
            r.disables[s] = disables[s] == null ? null : (BitSet) disables[s].clone();
            int[] f = footprints[s];
            if (f != null) {
                int n = 0;
                while (n < f.length && (f[n] >>> 1) < limit) {
                    n++;
                }
                r.footprints[s] = n == f.length ? f : Arrays.copyOf(f, n);
            }
        }
        r.stops.or(stops);
        r.cut = cut;
        return r;
    }

    /** Slots that ran a step below the state. */
    BitSet slots() {
        BitSet b = new BitSet();
        for (int s = 0; s < footprints.length; s++) {
            if (footprints[s] != null) {
                b.set(s);
            }
        }
        return b;
    }

    /** The union of {@code slot}'s footprints (sorted, see {@link Accesses}); empty when it ran no step. */
    int[] footprint(int slot) {
        return slot < footprints.length && footprints[slot] != null ? footprints[slot] : Accesses.NONE;
    }

    /** The actors {@code slot}'s steps disabled or killed; null for none. */
    BitSet disables(int slot) {
        return slot < disables.length ? disables[slot] : null;
    }

    /** Equal content: what lets the visited set keep one copy of each distinct summary. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Summary x && cut == x.cut && stops.equals(x.stops) && Arrays.deepEquals(trim(footprints),
                trim(x.footprints)) && Arrays.equals(trim(disables), trim(x.disables));
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(trim(footprints)) * 31 + Arrays.hashCode(trim(disables)) * 7 + stops.hashCode()
                + (cut ? 1 : 0);
    }

    /** The array without its trailing nulls, so that two summaries differing only in capacity are equal. */
    private static <T> T[] trim(T[] a) {
        int n = a.length;
        while (n > 0 && a[n - 1] == null) {
            n--;
        }
        return n == a.length ? a : Arrays.copyOf(a, n);
    }

    private void grow(int slot) {
        if (slot >= footprints.length) {
            footprints = Arrays.copyOf(footprints, slot + 1);
            disables = Arrays.copyOf(disables, slot + 1);
        }
    }
}

package gcsim.search.dfs;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A member of a sleep set: an option already explored from an equivalent state, with the footprint
 * its step had there and the actors it disabled (both merged over all its data choices). It stays
 * asleep while only steps independent of it run, and wakes (leaves the set) at the first dependent
 * one: a step touching its footprint, or a step of an actor it disabled (a process exit that kills
 * a sibling thread touches nothing, yet does not commute with the sibling's steps).
 *
 * <p>Resources created after the node where it was explored ({@code freshFrom} and above) have no
 * stable identity: the kernel numbers resources in creation order, so the same lock file or
 * connection gets another number when steps run in another order. Such fresh resources are compared
 * as one wildcard: any fresh access on both sides, one of them a write, is a dependence.
 *
 * @param slot the option as a slot: 0 for a clock advance, actor id + 1 otherwise
 * @param footprint normalized accesses, see {@link Accesses}
 * @param disables slots of the actors that could run before its step and not after
 * @param freshFrom the first resource number created after the node where it was explored
 */
record Sleeper(int slot, int[] footprint, BitSet disables, int freshFrom) {
    /**
     * The sleep set at a child of {@code parent}: the parent's sleepers and explored options that can
     * run at the child ({@code options}) and commute with the step taken to it, by {@code takenBy}
     * with footprint {@code taken}.
     */
    static List<Sleeper> inherited(Node parent, int[] options, int takenBy, int[] taken) {
        BitSet enabled = new BitSet();
        for (int o : options) {
            enabled.set(Node.slot(o));
        }
        List<Sleeper> sleep = new ArrayList<>(parent.sleep.size() + parent.explored.size());
        for (List<Sleeper> from : List.of(parent.sleep, parent.explored)) {
            for (Sleeper s : from) {
                if (enabled.get(s.slot()) && s.independentOf(takenBy, taken)) {
                    sleep.add(s);
                }
            }
        }
        return sleep;
    }

    /** True when a step of {@code actorSlot} with footprint {@code taken} commutes with this one. */
    boolean independentOf(int actorSlot, int[] taken) {
        return !disables.get(actorSlot) && !Accesses.dependent(footprint, taken)
                && !Accesses.freshConflict(footprint, taken, freshFrom);
    }
}

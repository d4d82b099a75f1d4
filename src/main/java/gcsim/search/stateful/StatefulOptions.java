package gcsim.search.stateful;

/**
 * What one stateful search may do.
 *
 * @param maxStates the most distinct states to keep in the visited set; the search ends
 *     {@code incomplete} when it is full. It bounds the memory: 16 bytes a state in the set, plus, in
 *     depth-first order, one copy of the world per level of the current path, and in breadth-first
 *     order one schedule per state waiting in the queue
 * @param order depth-first (the default: least memory) or breadth-first (the first failure found has
 *     the fewest transitions of any: a shortest counterexample)
 * @param restore how a branch point is returned to: by a copy of the world kept there ({@code
 *     SNAPSHOT}, simulating only the new suffix) or by replaying the schedule from the start ({@code REPLAY})
 * @param stopAtFirstFailure end the search at the first failing execution
 * @param reduction expand a state by one invisible step when it has one ({@link Invisible})
 */
public record StatefulOptions(long maxStates, Order order, Restore restore, boolean stopAtFirstFailure,
                              boolean reduction) {
    /** Two million states: 32 MB of visited set, more than any library cell needs. */
    public static final long DEFAULT_MAX_STATES = 2_000_000L;

    /** The order states are expanded in. */
    public enum Order { DFS, BFS }

    /** How the search gets back to a branch point. */
    public enum Restore { SNAPSHOT, REPLAY }

    public StatefulOptions {
        if (maxStates <= 0) {
            throw new IllegalArgumentException("maxStates must be positive, not " + maxStates);
        }
    }

    /** Depth-first, from snapshots, stopping at the first failure, with the default bound on states. */
    public static StatefulOptions defaults() {
        return new StatefulOptions(DEFAULT_MAX_STATES, Order.DFS, Restore.SNAPSHOT, true, true);
    }

    public StatefulOptions withMaxStates(long max) {
        return new StatefulOptions(max, order, restore, stopAtFirstFailure, reduction);
    }

    public StatefulOptions withOrder(Order o) {
        return new StatefulOptions(maxStates, o, restore, stopAtFirstFailure, reduction);
    }

    public StatefulOptions withRestore(Restore r) {
        return new StatefulOptions(maxStates, order, r, stopAtFirstFailure, reduction);
    }

    public StatefulOptions withReduction(boolean on) {
        return new StatefulOptions(maxStates, order, restore, stopAtFirstFailure, on);
    }

    public StatefulOptions withStopAtFirstFailure(boolean stop) {
        return new StatefulOptions(maxStates, order, restore, stop, reduction);
    }
}

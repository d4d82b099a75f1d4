package gcsim.search.dfs;

import gcsim.check.Forkable;
import gcsim.kernel.Kernel;
import gcsim.search.stateful.Fingerprint;
import java.lang.reflect.Field;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The visited set of the stateful DPOR search: the states (by {@link Fingerprint}) whose subtrees the
 * depth-first search has finished, each with a {@link Summary} of the steps below it and the sleep
 * set it was explored with. A path that reaches such a state stops there ({@link #prune}); the
 * summary's races with the path are reported as if its steps came next ({@link SummaryRaces}).
 *
 * <p>Why each condition is there (so that pruning loses nothing the stateless search finds):
 * <ul>
 * <li>Only finished states are kept: a state reached again while it is on the current path (a cycle)
 *     is explored on, as the stateless search does, until the step bound cuts it.
 * <li>A state below which an execution was cut is not kept: the cut depends on the path's length,
 *     and a shorter path to the state could have gone further.
 * <li>A state explored with sleep set Z is pruned only on a path whose sleep set holds Z (Godefroid's
 *     state caching with sleep sets): what Z left unexplored, the new path leaves unexplored too.
 *     When it does not hold it, the state is explored again and keeps the intersection.
 * </ul>
 * Lookups only: no iteration over the hash map decides anything, so the search stays deterministic.
 */
final class StateCache {
    private static final Field NEXT_RESOURCE = field("nextResource");
    /**
     * The most states kept (some 0.7 kB each, summary included): beyond it the search goes on without
     * keeping more, which only prunes less, so the bound costs time, never soundness.
     */
    static final int MAX_STATES = 1_000_000;

    /** A finished state: what ran below it and the sleep set it was explored with. */
    private record Entry(Summary below, BitSet sleeping) {}

    private final Map<Fingerprint.Value, Entry> visited = new HashMap<>();
    /** One copy of each distinct summary and sleep set kept (many states share them): memory, not meaning. */
    private final Map<Object, Object> interned = new HashMap<>();
    private final Fingerprint fingerprint = new Fingerprint();
    private Forkable.Session session;
    /** The state the current execution stopped at, or null. */
    private Entry hit;
    long revisits;
    long reexplored;

    private static Field field(String name) {
        try {
            Field f = Kernel.class.getDeclaredField(name);
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Kernel has no field " + name + " (StateCache is stale)", e);
        }
    }

    /** The execution about to run, whose world is fingerprinted at each new scheduling point. */
    void session(Forkable.Session s) {
        session = s;
        hit = null;
    }

    /** Distinct finished states kept. */
    long states() {
        return visited.size();
    }

    /**
     * The number the kernel will give the next resource it creates, read without taking one (the
     * stateless search takes one per step, which would make every state's counter its depth).
     */
    static int counter(Kernel k) {
        try {
            return NEXT_RESOURCE.getInt(k);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Fingerprints the world at the new scheduling point {@code node}; true when it is a finished
     * state the path may stop at.
     */
    boolean prune(Node node) {
        node.state = fingerprint.of(session);
        Entry e = visited.get(node.state);
        if (e == null) {
            return false;
        }
        BitSet notAsleepNow = (BitSet) e.sleeping.clone();
        notAsleepNow.andNot(node.sleeping);
        if (!notAsleepNow.isEmpty()) {
            reexplored++;
            return false;
        }
        revisits++;
        hit = e;
        return true;
    }

    /** After the analysis of an execution: the races with what its last state cut off, and that state's summary on the path. */
    void analysed(StepLog log, List<Node> nodes, RaceAnalysis analysis, RaceSink sink) {
        if (hit == null) {
            return;
        }
        SummaryRaces.report(log, nodes, analysis, hit.below, sink);
        if (!nodes.isEmpty()) {
            below(nodes.get(nodes.size() - 1)).addAll(hit.below);
        }
        hit = null;
    }

    /** The execution ended after {@code last}'s step: stopped there by an oracle, or cut by the step bound. */
    static void ended(Node last, boolean stopped, boolean cut) {
        if (stopped) {
            below(last).stops.set(last.chosen);
        }
        below(last).cut |= cut;
    }

    /**
     * {@code node}'s subtree is finished: its summary (its own steps and everything below) goes to
     * {@code parent}, and the state is kept when it was fingerprinted and nothing below was cut.
     */
    void finished(Node node, Node parent) {
        Summary s = below(node);
        for (Sleeper x : node.explored) {
            s.add(x.slot(), x.footprint(), x.disables());
        }
        s.add(node.chosen, node.chosenFootprint, node.chosenDisables);
        if (parent != null) {
            below(parent).addAll(s);
        }
        if (node.state == null || s.cut) {
            return;
        }
        Summary kept = s.restrictedTo(node.freshFrom);
        Entry old = visited.get(node.state);
        if (old != null) {
            kept.addAll(old.below);
            BitSet both = (BitSet) old.sleeping.clone();
            both.and(node.sleeping);
            visited.put(node.state, new Entry(intern(kept), intern(both)));
        } else if (visited.size() < MAX_STATES) {
            visited.put(node.state, new Entry(intern(kept), intern((BitSet) node.sleeping.clone())));
        }
    }

    /** The kept copy equal to {@code x}; kept values are never changed ({@link Summary#addAll} copies into a new one). */
    @SuppressWarnings("unchecked")
    private <T> T intern(T x) {
        Object kept = interned.putIfAbsent(x, x);
        return kept == null ? x : (T) kept;
    }

    private static Summary below(Node n) {
        if (n.below == null) {
            n.below = new Summary();
        }
        return n.below;
    }
}

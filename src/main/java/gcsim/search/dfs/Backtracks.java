package gcsim.search.dfs;

import java.util.BitSet;
import java.util.List;

/**
 * Where the race analysis's findings become work: each race or disabling it reports asks for an
 * alternative at a scheduling point of the path (a backtrack), unless that alternative is already
 * asked for, asleep, or beyond the preemption bound.
 *
 * <p>Why apart from the {@link Explorer}: the explorer walks the path and the analysis reads it;
 * this is the one rule, shared by the stateless and the stateful search, of what a race asks for.
 */
final class Backtracks implements RaceSink {
    private final List<Node> nodes;
    private final StepLog log;
    private final Integer bound;

    /** @param nodes the path's scheduling points, @param log its steps, @param bound preemptions, or null */
    Backtracks(List<Node> nodes, StepLog log, Integer bound) {
        this.nodes = nodes;
        this.log = log;
        this.bound = bound;
    }

    @Override
    public void race(int e, int racer, BitSet initials, boolean enabling) {
        Node node = nodes.get(e);
        if (initials.intersects(node.backtrack) || initials.intersects(node.sleeping)) {
            return;
        }
        int q = node.initialFor(initials, racer, bound);
        if (q >= 0) {
            request(node, q);
        } else if (!enabling) {
            // no initial can run here (an enabling the happens-before relation missed): add them all
            for (int o : node.options) {
                request(node, Node.slot(o));
            }
        }
        if (bound != null) {
            // Bounded search: also try the reversal where the racing actor's current slice began,
            // so that it can happen without a preemption (after Coons, Musuvathi and McKinley).
            int pe = log.slot[e];
            int s0 = e;
            while (s0 > 0 && log.slot[s0 - 1] == pe) {
                s0--;
            }
            if (s0 < e) {
                Node start = nodes.get(s0);
                int q0 = q >= 0 ? q : racer;
                if (start.enabled.get(q0)) {
                    request(start, q0);
                }
            }
        }
    }

    @Override
    public void disabled(int e, int slot) {
        request(nodes.get(e), slot);
    }

    /** Asks for {@code slot} at {@code node} unless it is asked for, asleep or over the bound. */
    void request(Node node, int slot) {
        if (node.backtrack.get(slot) || node.sleeping.get(slot)) {
            return;
        }
        if (!node.withinBound(slot, bound)) {
            node.overBound.set(slot);
            return;
        }
        node.backtrack.set(slot);
    }
}

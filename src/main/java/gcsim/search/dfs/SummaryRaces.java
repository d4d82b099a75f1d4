package gcsim.search.dfs;

import gcsim.kernel.IntList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The races between a path and the continuation that a visited state cut off, after Yang, Chen,
 * Gopalakrishnan and Kirby's stateful DPOR (SPIN 2008): when a path reaches a state explored before,
 * the search stops there, so the race analysis sees no step after it; each actor's steps below the
 * state ({@link Summary}) are taken as if they came next, and every step of the path they could race
 * with gets the backtrack point a stateless search would have added on meeting the race.
 *
 * <p>Why this over-approximates, as soundness needs: happens-before from the path to a summarized
 * step is taken only through the path (the steps between, below the state, are not known), which
 * can only leave more pairs unordered, so every real race is among those reported. Which actors
 * start the reversed sequence is exact where it can be: the initials among the path's own steps
 * after the racing step are initials of the real sequence too (steps appended later cannot precede
 * them), so a race with such initials goes through the same rule as the stateless search ({@link
 * RaceSink#race}), except that when none of them can run at the racing step every option is
 * requested (the unknown initials below the state might have). When there are none (the racing step is followed only by steps ordered
 * after it, as the path's last step always is), the initials lie below the state and are unknown:
 * every actor that runs below the state and can run at the racing step is requested, and when none
 * can, every option, as the stateless search does when no initial can run.
 */
final class SummaryRaces {
    private SummaryRaces() {}

    /**
     * Reports to {@code sink} the races between the logged path and the steps {@code below} the state
     * it ended at; {@code nodes} are the path's scheduling points, {@code analysis} has just analysed it.
     */
    static void report(StepLog log, List<Node> nodes, RaceAnalysis analysis, Summary below, RaceSink sink) {
        int n = log.size;
        BitSet actors = below.slots();
        int slots = Math.max(actors.length(), log.after == null ? 0 : log.after.length());
        for (int j = 0; j < n; j++) {
            slots = Math.max(slots, Math.max(log.slot[j], nodes.get(j).enabled.length()) + 1);
        }
        int[] lastOf = new int[slots];
        int[] enabler = new int[slots];
        IntList[] disablers = new IntList[slots];
        Arrays.fill(lastOf, -1);
        Arrays.fill(enabler, -1);
        for (int j = 0; j < n; j++) {
            int p = log.slot[j];
            lastOf[p] = j;
            enabler[p] = -1;
            if (disablers[p] != null) {
                disablers[p].clear();
            }
            Enabling.record(nodes.get(j).enabled, j + 1 < n ? nodes.get(j + 1).enabled : log.after, p, j, enabler,
                    disablers, null);
        }
        Resources res = analysis.resources();
        BitSet[] initialsAfter = new BitSet[n];
        for (int p = actors.nextSetBit(0); p >= 0; p = actors.nextSetBit(p + 1)) {
            BitSet candidates = new BitSet();
            for (int a : below.footprint(p)) {
                int r = a >>> 1;
                if (r < res.lastWrite.length) {
                    if (res.lastWrite[r] >= 0) {
                        candidates.set(res.lastWrite[r]);
                    }
                    IntList rs = res.reads[r];
                    for (int i = 0; (a & 1) != 0 && rs != null && i < rs.size(); i++) {
                        candidates.set(rs.get(i));
                    }
                }
            }
            BitSet disabled = below.stops.get(p) ? all(slots) : below.disables(p);
            for (int q = disabled == null ? -1 : disabled.nextSetBit(0); q >= 0 && q < slots; q = disabled.nextSetBit(q + 1)) {
                if (q != p && lastOf[q] >= 0) {
                    candidates.set(lastOf[q]);
                }
            }
            IntList barriers = new IntList(4);
            for (int b : new int[] {lastOf[p], enabler[p]}) {
                if (b >= 0) {
                    barriers.add(b);
                    candidates.set(b);
                }
            }
            for (int i = 0; disablers[p] != null && i < disablers[p].size(); i++) {
                barriers.add(disablers[p].get(i));
                candidates.set(disablers[p].get(i));
            }
            for (int e = candidates.nextSetBit(0); e >= 0; e = candidates.nextSetBit(e + 1)) {
                if (log.slot[e] == p || ordered(analysis, log, e, barriers)) {
                    continue;
                }
                if (initialsAfter[e] == null) {
                    initialsAfter[e] = initials(analysis, log, e, slots);
                }
                boolean enabling = e == enabler[p];
                if (!initialsAfter[e].isEmpty()) {
                    // never as an enabling race: the initials below the state, unknown here, could be the
                    // ones that can run, so when none of these can, every option is requested
                    sink.race(e, p, initialsAfter[e], false);
                } else {
                    requestAll(nodes.get(e), actors, enabling, e, sink);
                }
            }
        }
    }

    /** Step {@code e} comes before one of {@code barriers} (other than itself) in happens-before. */
    private static boolean ordered(RaceAnalysis analysis, StepLog log, int e, IntList barriers) {
        int se = log.slot[e];
        int le = analysis.localClock(e);
        for (int i = 0; i < barriers.size(); i++) {
            int b = barriers.get(i);
            int[] clock = analysis.clock(b);
            if (b != e && se < clock.length && clock[se] >= le) {
                return true;
            }
        }
        return false;
    }

    /**
     * The initials of the path's steps after {@code e} that do not come after it in happens-before:
     * each actor whose first such step has no happens-before predecessor among the others' first ones.
     */
    private static BitSet initials(RaceAnalysis analysis, StepLog log, int e, int slots) {
        int[] firstIn = new int[slots];
        Arrays.fill(firstIn, -1);
        int se = log.slot[e];
        int le = analysis.localClock(e);
        for (int k = e + 1; k < log.size; k++) {
            int[] ck = analysis.clock(k);
            if ((se >= ck.length || ck[se] < le) && firstIn[log.slot[k]] < 0) {
                firstIn[log.slot[k]] = k;
            }
        }
        BitSet initials = new BitSet();
        for (int q = 0; q < slots; q++) {
            int x = firstIn[q];
            boolean minimal = x >= 0;
            for (int a = 0; a < slots && minimal; a++) {
                int y = firstIn[a];
                int[] cx = analysis.clock(x);
                if (a != q && y >= 0 && y < x && a < cx.length && cx[a] >= analysis.localClock(y)) {
                    minimal = false;
                }
            }
            if (minimal) {
                initials.set(q);
            }
        }
        return initials;
    }

    /** No initial on the path: requests every actor of the summary that can run at {@code e}, else every option. */
    private static void requestAll(Node node, BitSet actors, boolean enabling, int e, RaceSink sink) {
        boolean any = false;
        for (int c = actors.nextSetBit(0); c >= 0; c = actors.nextSetBit(c + 1)) {
            if (node.enabled.get(c)) {
                sink.disabled(e, c);
                any = true;
            }
        }
        if (!any && !enabling) {
            for (int o : node.options) {
                sink.disabled(e, Node.slot(o));
            }
        }
    }

    private static BitSet all(int slots) {
        BitSet b = new BitSet();
        b.set(0, slots);
        return b;
    }
}

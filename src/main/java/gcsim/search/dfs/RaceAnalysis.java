package gcsim.search.dfs;

import gcsim.kernel.IntList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * The happens-before relation of one execution and the races in it, for source-set DPOR.
 *
 * <p>Happens-before is program order per actor (the clock advances form one pseudo-actor, slot 0),
 * plus dependence (two steps touching a resource, at least one writing), plus enabling: a step after
 * which another actor can run that could not before comes before that actor's next step. Enabling
 * edges matter because the kernel polls guards without recording them: a clock advance wakes a
 * sleeper whose next step need not read the clock, yet could not happen before the advance. An
 * enabling pair is also a race, as the theory's may-enable dependence says: when another step could
 * have enabled the same actor (two sleepers either of which lets the clock advance), reversing the
 * pair through the other enabler is a different execution.
 *
 * <p>Disabling is the converse: a step after which an actor that could run no longer can (it took
 * the lock the other wanted, killed it by exiting its process, or ended the execution, as an oracle's
 * stop does) is treated as dependent with that actor's next step, and the disabled actor is reported
 * so that the search also tries it first. When the disabled actor never ran again, its would-be step
 * is a virtual last event: the race is reversed through the initials of the steps after the disabler
 * that did not depend on it, as if that step came last. A thread killed while blocked counts as
 * disabled too: its would-be step (once woken) is reversed the same way, through initials that can
 * run before the kill (another step must wake it first).
 *
 * <p>A step that ends a process (an exit, or a fault escaping a thread) kills the process's other
 * threads, touching no resource, yet it is dependent with every step of theirs: any of them, had it
 * come after the exit, would never have happened. So the latest step of each killed thread is a
 * dependent predecessor of the exit. Likewise an execution an oracle stopped ends at the step that
 * broke something, which is dependent with the latest step of every other actor.
 *
 * <p>Blocking is the last gap. The model's waits are unconditional (a step registers a guard and
 * the kernel polls it between steps, recording nothing), so a step that leaves its actor waiting
 * commutes with everything; but the step its guard later lets through (taking the lock, reading the
 * reply) could have run much earlier had the wait begun before the step that took the lock. As in
 * Flanagan and Godefroid's algorithm, which checks the next step of every process, disabled ones
 * included, at every state, the next step of a waiting actor is checked for races against the steps
 * before its wait began, and a race is reversed at the wait. When the actor never ran again, its
 * next step is unknown and taken to conflict with every write. These checks give extra races, never
 * happens-before edges, so they can only add exploration.
 *
 * <p>Vector clocks are computed per step from its direct predecessors ({@link Predecessors}). A
 * predecessor of another actor is an immediate race when no other direct predecessor comes after it
 * in happens-before; for each such race the callback gets the initials of {@code notdep(e).j}, the
 * actors that could start the reversed sequence.
 *
 * <p>Incremental: consecutive executions of the depth-first search share a long prefix, and what
 * is computed for a step depends only on the steps up to it and the scheduling point after it. So
 * the analysis keeps what it held before each step ({@link StepStates}) and each resource's accesses
 * ({@link Resources}), and goes on from the first step that differs unless the number of actor slots
 * changed. Only a wait begun before that step whose next step is after it looks back, from the kept
 * predecessors and histories, in a whole analysis's order. The races and disablings reported are
 * exactly a whole analysis's ({@link #whole} keeps that mode for the tests to compare with).
 */
final class RaceAnalysis {
    private static final int PROGRAM = Predecessors.PROGRAM;
    private static final int ENABLE = Predecessors.ENABLE;
    private static final int CONFLICT = Predecessors.CONFLICT;

    private int[][] vc = new int[0][];
    private int[] lc = new int[0];
    private int[] waiter = new int[0];
    private final Resources resources = new Resources();
    /** The current step's direct predecessors and the virtual ones of a wait, with their kinds. */
    private final Predecessors direct = new Predecessors();
    private final IntList preds = direct.preds;
    private final IntList extra = direct.extra;
    private final IntList scratch = new IntList(16);
    /** The disablings found so far in this execution, kept across analyses like the step states. */
    private final Disablings disablings = new Disablings();
    private final Initials initials = new Initials();
    private int[] slotOf;
    private int slots;
    /** Per slot, as the analysis goes: steps run, the latest, the pending enabler, the pending disablers. */
    private int[] count;
    private int[] lastOf;
    private int[] enabler;
    private IntList[] disablers;
    private final StepStates states = new StepStates();
    /** Analyse every execution from its first step: the reference the incremental analysis is checked against. */
    boolean whole;
    /** Per step, the slots needed up to it: one more than the highest slot that ran or could run. */
    private int[] widthTo = new int[256];
    /** The number of steps of the last analysed execution: its states before each are in {@link #states}. */
    private int analysed;

    /** Step {@code j}'s vector clock in the last analysis (indexed by slot). */
    int[] clock(int j) {
        return vc[j];
    }

    /** Step {@code j}'s position among its actor's steps in the last analysis: {@code clock(j)[slot]}. */
    int localClock(int j) {
        return lc[j];
    }

    /** The per-resource tables as the last analysis left them: the last write and the reads since, after the last step. */
    Resources resources() {
        return resources;
    }

    /**
     * Analyses the logged steps, reporting races and disablings of steps {@code from} and later only
     * (the earlier ones were reported when their prefix was first explored), except for those whose
     * reversal depends on what came later (virtual events), which are reported again.
     *
     * @param nodes the scheduling points of the logged steps, for their enabled sets
     */
    void analyse(StepLog log, List<Node> nodes, int from, RaceSink sink) {
        int n = log.size;
        slotOf = log.slot;
        boolean known = !whole && from <= analysed && from < n; // the state before step from is kept
        if (widthTo.length < n) {
            widthTo = Arrays.copyOf(widthTo, Math.max(n, widthTo.length * 2));
        }
        int width = known && from > 0 ? widthTo[from - 1] : 1;
        for (int s = known ? from : 0; s < n; s++) {
            width = Math.max(width, Math.max(slotOf[s], nodes.get(s).enabled.length()) + 1);
            widthTo[s] = width;
        }
        if (log.after != null) {
            width = Math.max(width, log.after.length() + 1);
        }
        if (vc.length < n) {
            vc = Arrays.copyOf(vc, Math.max(n, vc.length * 2));
            lc = Arrays.copyOf(lc, vc.length);
        }
        int start = known && width == slots ? from : 0;
        if (width != slots) {
            slots = width;
            count = new int[slots];
            lastOf = new int[slots];
            enabler = new int[slots];
            disablers = new IntList[slots];
        }
        if (start == 0) {
            resources.clear();
            Arrays.fill(count, 0);
            Arrays.fill(lastOf, -1);
            Arrays.fill(enabler, -1);
            Arrays.fill(disablers, null);
            states.reset(slots);
        } else {
            resources.rewind(start, analysed);
            states.restore(start, count, lastOf, enabler, disablers);
        }
        disablings.rewind(start);
        analysed = n;
        waiter = log.waiters(slots, waiter);
        for (int j = 0; j < start; j++) {
            if (waiter[j] >= from) {
                waitBefore(log, j, n, sink);
            }
        }
        Enabling.Disabled onDisabled = (step, q) -> {
            disablings.add(step, q, false);
            if (step >= from) {
                sink.disabled(step, q);
            }
        };

        for (int j = start; j < n; j++) {
            int p = slotOf[j];
            int[] acc = log.accesses[j];
            states.save(j, count, lastOf, enabler, disablers);
            direct.clear();
            if (lastOf[p] >= 0) {
                direct.add(lastOf[p], PROGRAM);
            }
            if (enabler[p] >= 0) {
                direct.add(enabler[p], ENABLE);
                enabler[p] = -1;
            }
            if (disablers[p] != null) {
                for (int i = 0; i < disablers[p].size(); i++) {
                    direct.add(disablers[p].get(i), CONFLICT);
                }
                disablers[p].clear();
            }
            BitSet dead = log.killed[j];
            for (int q = dead.nextSetBit(0); q >= 0 && q < slots; q = dead.nextSetBit(q + 1)) {
                if (lastOf[q] >= 0) {
                    direct.add(lastOf[q], CONFLICT);
                }
                boolean waiting = lastOf[q] < 0 || !log.finished.get(lastOf[q]);
                if (waiting && !nodes.get(j).enabled.get(q)) {
                    // killed while blocked: the step it would have taken once woken is disabled too
                    disablings.add(j, q, true);
                }
            }
            if (log.stopped && j == n - 1) {
                for (int q = 0; q < slots; q++) {
                    if (q != p && lastOf[q] >= 0) {
                        direct.add(lastOf[q], CONFLICT);
                    }
                }
            }
            for (int a : acc) {
                int r = a >>> 1;
                resources.ensure(r);
                if (resources.lastWrite[r] >= 0) {
                    direct.add(resources.lastWrite[r], CONFLICT);
                }
                IntList rs = resources.reads[r];
                for (int i = 0; (a & 1) != 0 && rs != null && i < rs.size(); i++) {
                    direct.add(rs.get(i), CONFLICT);
                }
            }
            int w = waiter[j];
            if (w >= 0 && (j >= from || w >= from)) {
                if (w == n) {
                    for (int r = 0; r < resources.lastWrite.length; r++) {
                        direct.addExtra(resources.lastWrite[r]);
                    }
                } else {
                    for (int a : log.accesses[w]) {
                        int r = a >>> 1;
                        if (r < resources.lastWrite.length) {
                            direct.addExtra(resources.lastWrite[r]);
                            IntList rs = resources.reads[r];
                            for (int i = 0; (a & 1) != 0 && rs != null && i < rs.size(); i++) {
                                direct.addExtra(rs.get(i));
                            }
                        }
                    }
                }
            }

            states.predecessors(j, preds);
            int[] clock = vc[j] != null && vc[j].length == slots ? vc[j] : new int[slots];
            Arrays.fill(clock, 0);
            for (int i = 0; i < preds.size(); i++) {
                int[] other = vc[preds.get(i)];
                for (int k = 0; k < slots; k++) {
                    if (other[k] > clock[k]) {
                        clock[k] = other[k];
                    }
                }
            }
            clock[p] = ++count[p];
            vc[j] = clock;
            lc[j] = count[p];
            lastOf[p] = j;
            resources.record(j, acc);

            Enabling.record(nodes.get(j).enabled, j + 1 < n ? nodes.get(j + 1).enabled : log.after, p, j, enabler,
                    disablers, onDisabled);

            for (int i = 0; i < extra.size(); i++) {
                int e = extra.get(i);
                if (slotOf[e] != p && direct.immediate(e, -1, vc, lc, slotOf)) {
                    sink.race(e, p, initials.of(vc, lc, slotOf, slots, e, j), false);
                }
            }
            if (j < from) {
                continue;
            }
            for (int i = 0; i < preds.size(); i++) {
                int e = preds.get(i);
                if (direct.kinds.get(i) != PROGRAM && slotOf[e] != p && direct.immediate(e, i, vc, lc, slotOf)) {
                    sink.race(e, p, initials.of(vc, lc, slotOf, slots, e, j), direct.kinds.get(i) == ENABLE);
                }
            }
        }
        disablings.report(vc, lc, slotOf, slots, log, nodes, lastOf, initials, sink);
    }

    /**
     * The check of a wait that began at step {@code j}, before the first step that differs from the
     * last analysis's execution, against the actor's next step {@code waiter[j]}, which is in the new
     * part: the races a full analysis reports at step {@code j}, from the tables as they were then.
     */
    private void waitBefore(StepLog log, int j, int n, RaceSink sink) {
        int p = slotOf[j];
        int w = waiter[j];
        states.predecessorsOf(j, preds);
        extra.clear();
        for (int r = 0, size = w == n ? resources.size() : log.accesses[w].length; r < size; r++) {
            int a = w == n ? r << 1 : log.accesses[w][r];
            direct.addExtra(resources.lastWriteBefore(a >>> 1, j));
            if ((a & 1) != 0) {
                scratch.clear();
                resources.readsBefore(a >>> 1, j, scratch);
                for (int i = 0; i < scratch.size(); i++) {
                    direct.addExtra(scratch.get(i));
                }
            }
        }
        for (int i = 0; i < extra.size(); i++) {
            int e = extra.get(i);
            if (slotOf[e] != p && direct.immediate(e, -1, vc, lc, slotOf)) {
                sink.race(e, p, initials.of(vc, lc, slotOf, slots, e, j), false);
            }
        }
    }
}

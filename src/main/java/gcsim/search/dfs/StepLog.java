package gcsim.search.dfs;

import gcsim.kernel.Actor;
import gcsim.kernel.Footprints;
import gcsim.kernel.Kernel;
import gcsim.kernel.SimProcess;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * What the search learned about each step of the execution just run, in the form the race analysis
 * needs: who ran it, what it touched (with the dependences the kernel does not record made explicit),
 * what could run before and after it, and whom it killed. Filled step by step as the kernel reports
 * them; arrays are reused across executions.
 *
 * <p>One dependence is added to the recorded footprints here: a step that ends a process also reads
 * the clock. Killing a thread removes its pending timer, which changes where the next clock advance
 * goes, yet touches no resource the kernel records; a clock read makes it dependent with the advance.
 */
final class StepLog {
    /** A read of the clock as an access: the clock is resource 0, the first every kernel creates. */
    static final int CLOCK_READ = 0;

    int size;
    /** Per step, the slot that ran it (0 for a clock advance). */
    int[] slot = new int[256];
    /** Per step, its normalized footprint (see {@link Accesses}) with the added dependences. */
    int[][] accesses = new int[256][];
    /** Per step, the other threads of processes that ended during it. */
    BitSet[] killed = new BitSet[256];
    /** Steps after which their own actor had finished (rather than waiting). */
    final BitSet finished = new BitSet();
    /** Steps after which their own actor waits for a guard that is not ready. */
    final BitSet blocked = new BitSet();
    /**
     * The options after the last step: none when the execution ended (completed, deadlocked, stopped
     * by an oracle or cut by the step bound: nothing runs after it), the blocked point's when the
     * search abandoned it.
     */
    BitSet after;
    /** True when an oracle stopped the execution after its last step (which then conflicts with everyone). */
    boolean stopped;

    /**
     * What a clock advance records first: a write of resource 0, the clock (then, under a starvation
     * bound, writes of the counters of the actors it passed over).
     */
    private static final int CLOCK_ADVANCE = CLOCK_READ | 1;

    /**
     * Logs the steps before {@code step} not logged yet (the one before it, normally): its actor,
     * footprint, whether its actor finished or is left waiting, and the threads it killed by ending
     * their process ({@code exited}: the kernel's processes that had ended when last looked at).
     * Called between steps, where polling a guard records nothing.
     */
    void catchUp(Kernel kernel, int step, BitSet exited) {
        Footprints fp = kernel.footprints();
        List<SimProcess> processes = kernel.processes();
        List<Actor> actors = kernel.actors();
        while (size < step) {
            int runner = fp.actor(size);
            BitSet killed = new BitSet();
            for (int i = 0; i < processes.size(); i++) {
                SimProcess p = processes.get(i);
                if (p.exited() && !exited.get(i)) {
                    exited.set(i);
                    for (int a = 0; a < actors.size(); a++) {
                        if (a != runner && actors.get(a).process() == p) {
                            killed.set(a + 1);
                        }
                    }
                }
            }
            int[] raw = fp.of(size);
            if (runner < 0 && (raw.length == 0 || raw[0] != CLOCK_ADVANCE)) {
                throw new IllegalStateException("a clock advance touched " + Arrays.toString(raw)
                        + "; the search assumes the clock is the kernel's first resource");
            }
            boolean done = runner >= 0 && actors.get(runner).done();
            boolean waits = runner >= 0 && actors.get(runner).blocked();
            add(runner < 0 ? 0 : runner + 1, raw, done, waits, killed);
        }
    }

    /** Forgets every step from {@code steps} on, and how the execution ended: an execution goes on from there. */
    void truncate(int steps) {
        size = steps;
        finished.clear(steps, Math.max(steps, finished.length()));
        blocked.clear(steps, Math.max(steps, blocked.length()));
        after = null;
        stopped = false;
    }

    void add(int slotOfStep, int[] footprint, boolean actorFinished, boolean actorBlocked, BitSet killedThreads) {
        if (size == slot.length) {
            int n = size * 2;
            slot = Arrays.copyOf(slot, n);
            accesses = Arrays.copyOf(accesses, n);
            killed = Arrays.copyOf(killed, n);
        }
        int[] acc = Accesses.normalize(footprint);
        if (!killedThreads.isEmpty()) {
            acc = Accesses.union(acc, new int[] {CLOCK_READ});
        }
        slot[size] = slotOfStep;
        accesses[size] = acc;
        killed[size] = killedThreads;
        if (actorFinished) {
            finished.set(size);
        }
        if (actorBlocked) {
            blocked.set(size);
        }
        size++;
    }

    /**
     * For each step after which its own actor is blocked, the actor's next step (the one its guard
     * let through), or {@link #size} when it never ran again (it waited to the end, or was killed
     * waiting); -1 for the other steps. Fills {@code into} when it is large enough.
     *
     * @param slots one more than the highest actor slot
     */
    int[] waiters(int slots, int[] into) {
        int[] waiter = into.length < size ? new int[Math.max(size, into.length * 2)] : into;
        Arrays.fill(waiter, 0, size, -1);
        int[] blockedAt = new int[slots];
        Arrays.fill(blockedAt, -1);
        for (int s = 0; s < size; s++) {
            int p = slot[s];
            if (blockedAt[p] >= 0) {
                waiter[blockedAt[p]] = s;
                blockedAt[p] = -1;
            }
            if (p != 0 && blocked.get(s)) {
                blockedAt[p] = s;
            }
        }
        for (int q = 1; q < slots; q++) {
            if (blockedAt[q] >= 0) {
                waiter[blockedAt[q]] = size;
            }
        }
        return waiter;
    }
}

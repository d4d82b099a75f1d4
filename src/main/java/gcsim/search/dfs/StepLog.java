package gcsim.search.dfs;

import java.util.Arrays;
import java.util.BitSet;

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

    void clear() {
        size = 0;
        finished.clear();
        blocked.clear();
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
}

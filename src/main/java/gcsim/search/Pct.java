package gcsim.search;

import gcsim.kernel.Kernel;
import java.util.Arrays;

/**
 * Probabilistic Concurrency Testing (Burckhardt, Kothari, Musuvathi and Nagarakatte, ASPLOS 2010),
 * adapted to actors that appear while the execution runs.
 *
 * <p>Why: a race of depth d (d ordering constraints between steps) is found by one PCT execution
 * with probability at least {@code 1/(n·k^(d−1))} for n actors and k decisions, whereas a random
 * walk's chance falls exponentially with the length of the window it must hit.
 *
 * <p>How: each actor gets a random distinct priority the first time it is among the options (the
 * clock advance gets one too, so "time passes" competes like an actor); all these initial
 * priorities are at least {@code depth}. Before the execution, {@code depth − 1} distinct change
 * points are drawn uniformly from {@code [1, k]}, k being the estimate the search passes in through
 * {@link #expectDecisions} (default {@value #DEFAULT_DECISIONS}; the search uses the longest execution
 * it has seen, in steps). The option with the highest priority always runs; when the i-th
 * change point is reached (counting decisions from 1), the actor picked there still runs that step
 * and then drops to priority i, below every initial priority. Data choices are uniform.
 *
 * <p>One departure, for time: each time the clock advance is picked its priority halves, and at the
 * bottom of the initial range it drops below every actor for the rest of the execution. Without it, an actor that sleeps and retries (addTempRoot's 100 ms
 * loop) and the clock can starve a lower-priority actor forever, so the execution is only cut by
 * the step bound; real schedulers are fair over time.
 */
public final class Pct implements SearchStrategy {
    /** The decision estimate before anything is known. */
    public static final int DEFAULT_DECISIONS = 64;

    private final SplitMix64 rng;
    private final int depth;
    private final int[] changeAt;
    private final Tally tally = new Tally();
    private int expected = DEFAULT_DECISIONS;
    /** Priority per actor id; 0 means not yet assigned in this execution. */
    private long[] priority = new long[16];
    private int assignedUpTo;
    private long clockPriority;

    public Pct(long seed, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("PCT depth must be at least 1: " + depth);
        }
        this.rng = new SplitMix64(seed);
        this.depth = depth;
        this.changeAt = new int[depth - 1];
    }

    public int depth() {
        return depth;
    }

    /** The decision estimate the next execution will use. */
    public int expectedDecisions() {
        return expected;
    }

    @Override
    public String name() {
        return "pct";
    }

    @Override
    public void reseed(long seed) {
        rng.reseed(seed);
    }

    @Override
    public void expectDecisions(int decisions) {
        expected = Math.max(1, decisions);
    }

    @Override
    public void beginExecution() {
        tally.reset();
        Arrays.fill(priority, 0, assignedUpTo, 0L);
        assignedUpTo = 0;
        clockPriority = 0;
        boolean distinct = expected >= changeAt.length;
        for (int i = 0; i < changeAt.length; i++) {
            int point;
            do {
                point = 1 + rng.nextInt(expected);
            } while (distinct && alreadyDrawn(point, i));
            changeAt[i] = point;
        }
    }

    private boolean alreadyDrawn(int point, int upTo) {
        for (int j = 0; j < upTo; j++) {
            if (changeAt[j] == point) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        tally.decision(options, count);
        int best = -1;
        long bestPriority = Long.MIN_VALUE;
        for (int i = 0; i < count; i++) {
            long p = priorityOf(options[i]);
            if (p > bestPriority) {
                bestPriority = p;
                best = options[i];
            }
        }
        boolean changed = false;
        for (int i = 0; i < changeAt.length; i++) {
            if (changeAt[i] == tally.decisions) {
                setPriority(best, i + 1);
                changed = true;
            }
        }
        if (best == Kernel.ADVANCE_CLOCK && !changed) {
            // Fairness for time: each advance halves the clock's priority, and once it reaches the
            // bottom of the initial range it drops below every actor, demoted ones included. So a
            // thread that sleeps and retries in a loop cannot starve a lower-priority thread forever.
            clockPriority = clockPriority > 2L * depth ? clockPriority / 2 : Math.min(clockPriority, 0) - 1;
        }
        return best;
    }

    private long priorityOf(int option) {
        if (option == Kernel.ADVANCE_CLOCK) {
            if (clockPriority == 0) { // unassigned; a demoted clock is negative
                clockPriority = freshPriority();
            }
            return clockPriority;
        }
        if (option >= priority.length) {
            priority = Arrays.copyOf(priority, Math.max(option + 1, priority.length * 2));
        }
        if (option >= assignedUpTo) {
            assignedUpTo = option + 1;
        }
        if (priority[option] == 0) {
            priority[option] = freshPriority();
        }
        return priority[option];
    }

    private void setPriority(int option, long p) {
        if (option == Kernel.ADVANCE_CLOCK) {
            clockPriority = p;
        } else {
            priority[option] = p;
        }
    }

    /** A random priority in {@code [depth, depth + 2^62)} that no actor holds yet in this execution. */
    private long freshPriority() {
        while (true) {
            long p = depth + (rng.nextLong() >>> 2);
            if (!taken(p)) {
                return p;
            }
        }
    }

    private boolean taken(long p) {
        if (clockPriority == p) {
            return true;
        }
        for (int i = 0; i < assignedUpTo; i++) {
            if (priority[i] == p) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int nextValue(int bound) {
        return rng.nextInt(bound);
    }

    @Override
    public int lastDecisions() {
        return tally.decisions;
    }

    @Override
    public int lastActors() {
        return tally.actors();
    }

    /**
     * PCT's lower bound on the chance that one execution hits a given race of depth {@code d}:
     * {@code 1/(n·k^(d−1))} for {@code n} actors and {@code k} decisions.
     */
    public static double probabilityBound(int n, int k, int d) {
        return 1.0 / (Math.max(1, n) * Math.pow(Math.max(1, k), d - 1));
    }
}

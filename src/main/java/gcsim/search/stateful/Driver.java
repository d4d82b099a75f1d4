package gcsim.search.stateful;

import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;
import gcsim.kernel.Strategy;
import java.util.Arrays;

/**
 * The stateful search's strategy: makes exactly one transition and then stops the run loop at the
 * next scheduling point by throwing {@link Pause}, leaving the world between two steps, where it
 * can be fingerprinted and copied.
 *
 * <p>A transition is one pick at a scheduling point with two or more options, followed by every
 * forced step up to the next such point, with the data choices those steps make ({@link #values},
 * zero past the planned ones, so the search enumerates them like an odometer). The run loop asks
 * for the pick before it changes anything, so a run stopped by the throw is exactly at the top of
 * its loop, and calling {@link Kernel#run()} again on it (or on a copy) goes on from there. To reach a
 * state by replay instead, {@link #replay} first makes the recorded choices of its schedule.
 */
final class Driver implements Strategy {
    /** Thrown at the scheduling point after the transition; carries nothing, so it is shared. */
    static final class Pause extends RuntimeException {
        private Pause() {
            super("paused", null, false, false);
        }
    }

    static final Pause PAUSE = new Pause();
    /** The pick of the transition that starts a run (from a fresh world, or a replayed state): none. */
    static final int NO_PICK = -2;

    private IntList replay = new IntList(0);
    private int replayed;
    private int pick = NO_PICK;
    /** The data values of the transition: those planned, then the zeros taken past them. */
    final IntList values = new IntList(8);
    /** The bound of each value in {@link #values}, as the run asked for it. */
    final IntList bounds = new IntList(8);
    private int valueCursor;
    private int[] paused = new int[0];

    /** Plans a run: replay {@code prefix}, then pick {@code option}, with data values starting with {@code planned}. */
    void plan(IntList prefix, int option, IntList planned) {
        replay = prefix;
        replayed = 0;
        pick = option;
        values.clear();
        for (int i = 0; i < planned.size(); i++) {
            values.add(planned.get(i));
        }
        bounds.clear();
        valueCursor = 0;
    }

    /** The options offered where the last run paused. */
    int[] paused() {
        return paused;
    }

    @Override
    public void beginExecution() {
        // a run resumed on a copy calls this again: the plan stays
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        if (replayed < replay.size()) {
            int raw = replay.get(replayed++);
            return raw == 0 ? Kernel.ADVANCE_CLOCK : raw - 1;
        }
        if (pick != NO_PICK) {
            int p = pick;
            pick = NO_PICK;
            return p;
        }
        paused = Arrays.copyOf(options, count);
        throw PAUSE;
    }

    @Override
    public int nextValue(int bound) {
        if (replayed < replay.size()) {
            return replay.get(replayed++);
        }
        int v;
        if (valueCursor < values.size()) {
            v = values.get(valueCursor);
        } else {
            v = 0;
            values.add(0);
        }
        bounds.add(bound);
        valueCursor++;
        return v;
    }

    /**
     * Moves {@code values} to the next data vector of the same pick, given the bounds the last run
     * asked for: the last position that can still grow grows, everything after it is dropped.
     * Returns false when every vector has been run.
     */
    static boolean nextVector(IntList values, IntList bounds) {
        for (int i = Math.min(values.size(), bounds.size()) - 1; i >= 0; i--) {
            if (values.get(i) + 1 < bounds.get(i)) {
                values.set(i, values.get(i) + 1);
                values.truncate(i + 1);
                return true;
            }
        }
        return false;
    }
}

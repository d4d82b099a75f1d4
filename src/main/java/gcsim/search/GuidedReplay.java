package gcsim.search;

import gcsim.kernel.IntList;
import gcsim.kernel.Kernel;
import gcsim.kernel.Strategy;

/**
 * Replays a recorded list of choices as far as it still fits, for shrinking: a candidate schedule
 * is an old one with some decisions changed, and after a change the rest of the recording may no
 * longer describe what can happen.
 *
 * <p>Why not {@link gcsim.kernel.ReplayStrategy}: that one refuses a choice that cannot be made,
 * which is right for a user's replay but would reject almost every shrinking candidate. Here, choice
 * {@code i} of the execution takes recorded choice {@code i} when it is of the same kind (an actor
 * pick or a data value) and possible; otherwise, and once the recording is used up, it falls back to
 * the previous actor when that one can still run (else the lowest option), or to the value 0. At the
 * choice indices listed as <em>undone</em>, it picks the previous actor instead of the recording:
 * that is how a preemption is undone.
 *
 * <p>It also records, per choice, what a shrinker needs to count preemptions: whether the choice was
 * an actor pick, and whether it was a preemption (the previous actor could still run and something
 * else was picked, the clock advance included). The kernel's own {@link gcsim.kernel.Schedule} of the
 * run is what replays it exactly.
 */
public final class GuidedReplay implements Strategy {
    /** Marks, in {@link #kinds()}, a choice that picked an actor or the clock advance. */
    public static final int ACTOR = 1;
    /** Marks a data value. */
    public static final int VALUE = 0;

    private final IntList recorded;
    private final IntList recordedKinds;
    private final IntList undone;
    private final IntList kinds = new IntList(64);
    private final IntList preemptions = new IntList(16);
    private int next;
    private int undoCursor;
    private int fallbacks;

    /**
     * @param recorded the choices to follow, in the kernel's encoding (actor id + 1, 0 for the clock
     *     advance, or a data value)
     * @param recordedKinds {@link #ACTOR} or {@link #VALUE} per recorded choice, or null when unknown
     *     (then every recorded choice is taken for whatever kind is asked)
     * @param undone ascending choice indices at which to pick the previous actor instead
     */
    public GuidedReplay(IntList recorded, IntList recordedKinds, IntList undone) {
        this.recorded = recorded;
        this.recordedKinds = recordedKinds;
        this.undone = undone;
    }

    /** Follows {@code recorded} exactly, changing nothing, to learn its kinds and preemptions. */
    public static GuidedReplay following(IntList recorded) {
        return new GuidedReplay(recorded, null, new IntList(1));
    }

    @Override
    public void beginExecution() {
        next = 0;
        undoCursor = 0;
        fallbacks = 0;
        kinds.clear();
        preemptions.clear();
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        int index = next++;
        kinds.add(ACTOR);
        boolean currentEnabled = current >= 0 && contains(options, count, current);
        int pick;
        if (isUndone(index) && currentEnabled) {
            pick = current;
        } else {
            pick = recordedActor(index, options, count);
            if (pick == Integer.MIN_VALUE) {
                fallbacks++;
                pick = currentEnabled ? current : options[0];
            }
        }
        if (currentEnabled && pick != current) {
            preemptions.add(index);
        }
        return pick;
    }

    @Override
    public int nextValue(int bound) {
        int index = next++;
        kinds.add(VALUE);
        if (index < recorded.size() && kindMatches(index, VALUE)) {
            int v = recorded.get(index);
            if (v >= 0 && v < bound) {
                return v;
            }
        }
        fallbacks++;
        return 0;
    }

    private int recordedActor(int index, int[] options, int count) {
        if (index >= recorded.size() || !kindMatches(index, ACTOR)) {
            return Integer.MIN_VALUE;
        }
        int raw = recorded.get(index);
        int wanted = raw == 0 ? Kernel.ADVANCE_CLOCK : raw - 1;
        return contains(options, count, wanted) ? wanted : Integer.MIN_VALUE;
    }

    private boolean kindMatches(int index, int kind) {
        return recordedKinds == null || (index < recordedKinds.size() && recordedKinds.get(index) == kind);
    }

    private boolean isUndone(int index) {
        while (undoCursor < undone.size() && undone.get(undoCursor) < index) {
            undoCursor++;
        }
        return undoCursor < undone.size() && undone.get(undoCursor) == index;
    }

    private static boolean contains(int[] options, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (options[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** {@link #ACTOR} or {@link #VALUE} for each choice of the last execution. */
    public IntList kinds() {
        return kinds;
    }

    /** The choice indices of the last execution's preemptions, ascending. */
    public IntList preemptions() {
        return preemptions;
    }

    /** How many choices of the last execution could not follow the recording. */
    public int fallbacks() {
        return fallbacks;
    }
}

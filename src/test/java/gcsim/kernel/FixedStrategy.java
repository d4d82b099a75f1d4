package gcsim.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Deterministic test strategy: always the lowest option, always the highest, round robin (the
 * option after the one it picked last), or a given list of picks. Records what it was offered.
 */
final class FixedStrategy implements Strategy {
    private enum Mode { LOWEST, HIGHEST, ROUND_ROBIN, LIST }

    private final Mode mode;
    private final int[] picks;
    private int[] values = new int[0];
    private int nextPick;
    private int nextValue;
    private int lastPick = -1;

    int executions;
    final List<int[]> offers = new ArrayList<>();
    final List<Integer> currents = new ArrayList<>();
    final List<Integer> bounds = new ArrayList<>();

    private FixedStrategy(Mode mode, int[] picks) {
        this.mode = mode;
        this.picks = picks;
    }

    static FixedStrategy lowest() {
        return new FixedStrategy(Mode.LOWEST, new int[0]);
    }

    static FixedStrategy highest() {
        return new FixedStrategy(Mode.HIGHEST, new int[0]);
    }

    /** Picks the smallest option above its previous pick, wrapping around: alternates two actors. */
    static FixedStrategy roundRobin() {
        return new FixedStrategy(Mode.ROUND_ROBIN, new int[0]);
    }

    /** Picks these actor ids (or {@link Kernel#ADVANCE_CLOCK}) in order, then the lowest option. */
    static FixedStrategy picking(int... actorIds) {
        return new FixedStrategy(Mode.LIST, actorIds.clone());
    }

    /** Data choices to return, in order; afterwards 0 (or bound-1 for {@link #highest()}). */
    FixedStrategy values(int... vs) {
        values = vs.clone();
        return this;
    }

    @Override
    public void beginExecution() {
        executions++;
        nextPick = 0;
        nextValue = 0;
        lastPick = -1;
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        offers.add(Arrays.copyOf(options, count));
        currents.add(current);
        int pick;
        switch (mode) {
            case HIGHEST -> pick = options[count - 1];
            case ROUND_ROBIN -> {
                pick = options[0];
                for (int i = 0; i < count; i++) {
                    if (options[i] > lastPick) {
                        pick = options[i];
                        break;
                    }
                }
            }
            case LIST -> pick = nextPick < picks.length ? picks[nextPick++] : options[0];
            default -> pick = options[0];
        }
        lastPick = pick;
        return pick;
    }

    @Override
    public int nextValue(int bound) {
        bounds.add(bound);
        if (nextValue < values.length) {
            return values[nextValue++];
        }
        return mode == Mode.HIGHEST ? bound - 1 : 0;
    }
}

package gcsim.search;

import java.util.Arrays;

/**
 * Picks uniformly among the options and uniformly among data values: the baseline strategy. It finds
 * races that need many short interleavings, and is the yardstick the smarter strategies must beat.
 *
 * <p>A start the search chooses ({@link gcsim.kernel.Strategy#startPending}) is drawn, not left to
 * the uniform pick: picked uniformly at each decision, a waiting process would start within a few
 * steps almost surely, and a window that needs it to wait through 45 steps of another would be out
 * of reach. So the walk draws how many decisions to hold it back, log-uniformly up to
 * {@value #MAX_HOLD_LOG2} doublings (every scale of wait equally likely, without an estimate of the
 * execution's length, so that {@code replay --seed} needs nothing more than the seed), and picks
 * uniformly among the other options until then; when nothing else can run it starts.
 */
public final class RandomWalk implements SearchStrategy {
    private final SplitMix64 rng;
    private final Tally tally = new Tally();
    /** The largest hold is 2^this decisions. */
    static final int MAX_HOLD_LOG2 = 12;
    /** Per actor id: the decision count from which a waiting start may be picked; 0 when not held. */
    private int[] heldUntil = new int[16];
    private int[] eligible = new int[16];
    /** The largest {@link #heldUntil} of this execution: once the decisions pass it, nothing is held. */
    private int heldMax;

    public RandomWalk(long seed) {
        rng = new SplitMix64(seed);
    }

    @Override
    public String name() {
        return "random";
    }

    @Override
    public void reseed(long seed) {
        rng.reseed(seed);
    }

    @Override
    public void expectDecisions(int decisions) {
        // a random walk does not plan ahead
    }

    @Override
    public void beginExecution() {
        tally.reset();
        if (heldMax > 0) {
            Arrays.fill(heldUntil, 0);
            heldMax = 0;
        }
    }

    @Override
    public void startPending(int actor) {
        if (actor >= heldUntil.length) {
            heldUntil = Arrays.copyOf(heldUntil, Math.max(actor + 1, heldUntil.length * 2));
        }
        int scale = rng.nextInt(MAX_HOLD_LOG2 + 1);
        heldUntil[actor] = tally.decisions + 1 + rng.nextInt(1 << scale);
        heldMax = Math.max(heldMax, heldUntil[actor]);
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        tally.decision(options, count);
        if (heldMax <= tally.decisions) { // nothing held back: every option is eligible
            return options[rng.nextInt(count)];
        }
        if (eligible.length < count) {
            eligible = new int[Math.max(count, eligible.length * 2)];
        }
        int n = 0;
        for (int i = 0; i < count; i++) {
            int o = options[i];
            if (o >= heldUntil.length || heldUntil[o] <= tally.decisions) {
                eligible[n++] = o;
            }
        }
        return n == 0 || n == count ? options[rng.nextInt(count)] : eligible[rng.nextInt(n)];
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
}

package gcsim.differential;

import gcsim.kernel.Strategy;
import gcsim.search.SplitMix64;

/**
 * A deterministic strategy for sequential histories: always the lowest runnable actor, and data
 * choices (the collector's readdir order) either 0 or drawn from a seeded {@link SplitMix64}. A
 * sequential history's surviving paths must not depend on the readdir order, so the check runs the
 * model both ways and reports it when they differ.
 */
final class LowestFirst implements Strategy {
    private final long seed;
    private final boolean randomValues;
    private final SplitMix64 rng;

    private LowestFirst(long seed, boolean randomValues) {
        this.seed = seed;
        this.randomValues = randomValues;
        this.rng = new SplitMix64(seed);
    }

    /** Lowest actor, value 0. */
    static LowestFirst zeroValues() {
        return new LowestFirst(0, false);
    }

    /** Lowest actor, values from a SplitMix64 stream started at {@code seed}. */
    static LowestFirst seededValues(long seed) {
        return new LowestFirst(seed, true);
    }

    @Override
    public void beginExecution() {
        rng.reseed(seed);
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        return options[0];
    }

    @Override
    public int nextValue(int bound) {
        return randomValues ? rng.nextInt(bound) : 0;
    }
}

package gcsim.model;

import gcsim.kernel.Strategy;

/** A seeded uniform strategy for model tests (SplitMix64), independent of the search package. */
final class Seeds implements Strategy {
    private long state;

    Seeds(long seed) {
        state = seed;
    }

    private long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Override
    public void beginExecution() {}

    @Override
    public int nextActor(int[] options, int count, int current) {
        return options[(int) Long.remainderUnsigned(next(), count)];
    }

    @Override
    public int nextValue(int bound) {
        return (int) Long.remainderUnsigned(next(), bound);
    }
}

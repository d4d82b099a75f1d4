package gcsim.search.dfs;

import gcsim.kernel.Strategy;

/**
 * A seeded uniform random walk (SplitMix64), for the Nix model where brute force cannot go: its
 * executions are a sample the exhaustive search must cover, and varied executions to audit.
 */
final class Walk implements Strategy {
    private long state;

    Walk(long seed) {
        state = seed * 0x9E3779B97F4A7C15L + 1;
    }

    private int next(int bound) {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (int) Long.remainderUnsigned(z ^ (z >>> 31), bound);
    }

    @Override
    public void beginExecution() {}

    @Override
    public int nextActor(int[] options, int count, int current) {
        return options[next(count)];
    }

    @Override
    public int nextValue(int bound) {
        return next(bound);
    }
}

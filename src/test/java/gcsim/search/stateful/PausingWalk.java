package gcsim.search.stateful;

import gcsim.kernel.Strategy;

/**
 * A random walk that stops the run loop at its {@code pauseAt}-th choice (see {@link Driver}), so
 * that a test can look at the world between two steps and then let the run go on. Shared by the
 * audits that walk real worlds of the library's scenarios.
 */
final class PausingWalk implements Strategy {
    private long state;
    private int decisions;
    int pauseAt;

    PausingWalk(long seed) {
        state = seed;
    }

    private int below(int bound) {
        state += 0x9e3779b97f4a7c15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return (int) Long.remainderUnsigned(z ^ (z >>> 31), bound);
    }

    @Override
    public void beginExecution() { }

    @Override
    public int nextActor(int[] options, int count, int current) {
        if (decisions++ == pauseAt) {
            decisions--;
            throw Driver.PAUSE;
        }
        return options[below(count)];
    }

    @Override
    public int nextValue(int bound) {
        return below(bound);
    }
}

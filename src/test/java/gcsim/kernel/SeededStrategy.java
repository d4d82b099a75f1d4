package gcsim.kernel;

import java.util.SplittableRandom;

/** Uniformly random choices from a fixed seed; every execution restarts the same sequence. */
final class SeededStrategy implements Strategy {
    private final long seed;
    private SplittableRandom random;

    SeededStrategy(long seed) {
        this.seed = seed;
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void beginExecution() {
        random = new SplittableRandom(seed);
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        return options[random.nextInt(count)];
    }

    @Override
    public int nextValue(int bound) {
        return random.nextInt(bound);
    }
}

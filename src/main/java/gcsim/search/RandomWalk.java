package gcsim.search;

/**
 * Picks uniformly among the options and uniformly among data values: the baseline strategy. It finds
 * races that need many short interleavings, and is the yardstick the smarter strategies must beat.
 */
public final class RandomWalk implements SearchStrategy {
    private final SplitMix64 rng;
    private final Tally tally = new Tally();

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
    }

    @Override
    public int nextActor(int[] options, int count, int current) {
        tally.decision(options, count);
        return options[rng.nextInt(count)];
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

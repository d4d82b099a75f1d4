package gcsim.search;

/**
 * An execution threw instead of returning a result: a bug in gcsim, not a race in the model. It
 * carries the schedule's 0-based index and seed (the message counts schedules from 1, as the CLI
 * does) so the bug can be reproduced with {@code replay --seed}.
 */
public final class SearchCrash extends RuntimeException {
    private final long index;
    private final long seed;
    private final int decisionEstimate;

    public SearchCrash(long index, long seed, int decisionEstimate, Throwable cause) {
        super("schedule " + (index + 1) + " (seed " + seed + ") threw " + cause, cause);
        this.index = index;
        this.seed = seed;
        this.decisionEstimate = decisionEstimate;
    }

    /** The decision estimate the strategy had for that schedule (PCT's k), needed to replay it by seed. */
    public int decisionEstimate() {
        return decisionEstimate;
    }

    public long index() {
        return index;
    }

    public long seed() {
        return seed;
    }
}

package gcsim.search.transfer;

/**
 * One place where a transferred run left the recording it follows.
 *
 * @param kind what happened
 * @param step the 1-based step of the transferred run
 * @param actor the actor concerned
 * @param at its point (see {@link gcsim.kernel.Actor#point})
 * @param recordedStep the 1-based recorded step concerned, or 0
 * @param waitedFor for {@link Kind#REORDERED}: the actor of the earlier recorded step that could not run yet
 */
public record Divergence(Kind kind, int step, String actor, String at, int recordedStep, String waitedFor) {
    public enum Kind {
        /** A step the recording does not have: the variant added it. */
        ADDED,
        /** A recorded step that does not exist in this variant. */
        REMOVED,
        /** A recorded step taken before an earlier one whose actor could not run yet. */
        REORDERED,
        /** A data choice the recording does not have for this actor. */
        VALUE
    }
}

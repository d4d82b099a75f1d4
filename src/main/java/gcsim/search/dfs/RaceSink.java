package gcsim.search.dfs;

import java.util.BitSet;

/**
 * Where the {@link RaceAnalysis} (and the stateful search's summaries) report what they find: races
 * to reverse and actors a step disabled, each of which the search turns into an alternative to try.
 */
interface RaceSink {
    /**
     * Step {@code e} races with a later step of the actor in slot {@code racer}; {@code initials}
     * (slots) can each start a sequence reversing them. {@code enabling} says that {@code e}
     * enabled the racer: the reversal is feasible only through another enabler, so only initials
     * that can run before {@code e} are of use.
     */
    void race(int e, int racer, BitSet initials, boolean enabling);

    /** Step {@code e} disabled the actor in {@code slot}, which could run before it. */
    void disabled(int e, int slot);
}

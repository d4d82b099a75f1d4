package gcsim.search;

import gcsim.kernel.Strategy;

/**
 * A seeded strategy the search loop can reuse for many executions: one object per worker thread,
 * reseeded before each schedule, so a search allocates nothing per schedule and an execution depends
 * only on its seed (and, for PCT, on the decision estimate the search passes in).
 */
public sealed interface SearchStrategy extends Strategy permits RandomWalk, Pct {

    /** The name used on the command line and in JSON: {@code random} or {@code pct}. */
    String name();

    /** Makes the next execution the one belonging to {@code seed}. */
    void reseed(long seed);

    /**
     * Tells the strategy how many scheduling decisions an execution makes at most, as far as the
     * search knows (the search passes the longest step count seen, an upper bound). PCT spreads its
     * priority change points over that many decisions; others ignore it.
     */
    void expectDecisions(int decisions);

    /** Scheduling decisions (picks among two or more options) in the last execution. */
    int lastDecisions();

    /**
     * Actors that could have been picked in the last execution: one more than the highest actor id
     * seen among the options, plus one if the clock advance was an option (it competes like an actor).
     */
    int lastActors();
}

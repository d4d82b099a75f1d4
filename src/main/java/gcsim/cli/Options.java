package gcsim.cli;

import gcsim.scenario.Text;
import gcsim.search.StrategyKind;

/** Option values that are names rather than numbers, checked by hand for one-line messages. */
final class Options {
    private Options() {}

    /** The exhaustive search's name; it is not a seeded {@link StrategyKind}, so it has no seed. */
    static final String DFS = "dfs";

    /** The stateful exhaustive search's name; like dfs, it has no seed. */
    static final String STATEFUL = "stateful";

    /**
     * The depth-first search with a visited set (stateful DPOR): dfs's options and output, and like
     * it, no seed.
     */
    static final String STATEFUL_DPOR = "stateful-dpor";

    /**
     * {@code search}'s defaults, shared by its picocli annotations and {@link SearchArgs}, so that a plain
     * search read without picocli gets the same values.
     */
    static final String DEFAULT_SCHEDULES = "100000";
    static final String DEFAULT_SEED = "1";
    static final String DEFAULT_PCT_K = "64";
    static final String DEFAULT_MAX_STEPS = "100000";

    /** dfs, or dfs with a visited set: the searches {@code --max-executions} and {@code --preemptions} go with. */
    static boolean isDfs(String text) {
        return DFS.equals(text) || STATEFUL_DPOR.equals(text);
    }

    /** A seeded strategy by name; the message lists every name {@code --strategy} takes. */
    static StrategyKind strategy(String text) throws BadInput {
        StrategyKind k = StrategyKind.byKey(text);
        if (k == null) {
            throw new BadInput("--strategy: '" + Text.shown(text) + "' is not one of " + StrategyKind.accepted() + ", " + DFS + ", "
                    + STATEFUL + ", " + STATEFUL_DPOR);
        }
        return k;
    }
}

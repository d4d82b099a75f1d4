package gcsim.cli;

import gcsim.search.StrategyKind;

/** Option values that are names rather than numbers, checked by hand for one-line messages. */
final class Options {
    private Options() {}

    static StrategyKind strategy(String text) throws BadInput {
        StrategyKind k = StrategyKind.byKey(text);
        if (k == null) {
            throw new BadInput("--strategy: '" + text + "' is not one of " + StrategyKind.accepted());
        }
        return k;
    }
}

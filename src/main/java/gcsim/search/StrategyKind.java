package gcsim.search;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The strategies a user can name, so the CLI and the search agree on names and construction. */
public enum StrategyKind {
    RANDOM("random"),
    PCT("pct");

    private final String key;

    StrategyKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** A new strategy of this kind; {@code depth} matters only for PCT. */
    public SearchStrategy create(long seed, int depth) {
        return this == RANDOM ? new RandomWalk(seed) : new Pct(seed, depth);
    }

    /** The kind named {@code key}, or null. */
    public static StrategyKind byKey(String key) {
        for (StrategyKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        return null;
    }

    /** {@code random, pct}: for messages that list what is accepted. */
    public static String accepted() {
        return Arrays.stream(values()).map(StrategyKind::key).collect(Collectors.joining(", "));
    }
}

package gcsim.scenario;

import java.util.List;

/**
 * Everything one race description says: the store at the start, the roots, the settings and the
 * processes. A scenario never changes per variant; variants change the model's code paths only.
 *
 * @param name the file's base name
 * @param description what happens and where it was reported
 * @param paths every store path the scenario names (present at the start or not)
 * @param derivations derivations processes may write
 * @param fetcherCache per user, short names of sources whose hash the fetcher cache knows
 * @param roots permanent roots at the start
 * @param processes the processes, in file order
 * @param expect facts that must hold at the end of every execution, taken from the source being modelled
 */
public record Scenario(String name, String description, String file, List<PathSpec> paths,
                       List<DerivationSpec> derivations, List<FetcherCacheEntry> fetcherCache,
                       List<RootSpec> roots, Settings settings, List<ProcessSpec> processes,
                       List<Expectation> expect) {

    public Scenario(String name, String description, String file, List<PathSpec> paths,
                    List<DerivationSpec> derivations, List<FetcherCacheEntry> fetcherCache,
                    List<RootSpec> roots, Settings settings, List<ProcessSpec> processes) {
        this(name, description, file, paths, derivations, fetcherCache, roots, settings, processes, List.of());
    }

    /** The first line of the description: what lists and reports show. */
    public String summary() {
        String t = description == null ? "" : description.strip();
        int nl = t.indexOf('\n');
        return (nl < 0 ? t : t.substring(0, nl)).strip();
    }

    /**
     * A fact about the final store: the path is {@code VALID} (registered and on disk), or {@code GONE}
     * (neither). Breaking one is a failure of kind {@code expectation}.
     */
    public record Expectation(Kind kind, String path, Pos pos) {
        public enum Kind { VALID, GONE }
    }

    /** A source the given user's fetcher cache has a hash for (§2.11 F2). */
    public record FetcherCacheEntry(String user, String path, Pos pos) {}
}

package gcsim.variant;

/**
 * The code-path switches of the one model. A patch variant is a named value of this record; a new
 * patch idea that combines existing switches needs only a new entry in {@code scenarios/variants.yaml}.
 * Behaviours that a later Nix change altered are switches too, never silent defaults.
 *
 * @param writeDerivation how writeDerivation roots the drv (§2.1)
 * @param fetchCacheTempRoot fetchToStore2's cache hit takes a temp root before isValidPath (§2.11 F2, #15237)
 * @param callerRoots before exiting, each client registers permanent roots (addPermRoot) as the tools'
 *     --add-root and out-links do: for each derivation it wrote but did not build, and each output of
 *     a derivation it built, unless it rooted the path itself (§3 V4)
 * @param tempRootClient addTempRoot's client semantics (§2.6: ≥ 2.20, or 2.8)
 * @param pathInUse the collector's reaction to PathInUse (§2.7 B9.5: ≥ 2.26, or ≤ 2.25)
 */
public record Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots,
                       TempRootClient tempRootClient, PathInUse pathInUse) {

    /** The three patch switches, with the collector and client as at the baseline. */
    public Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots) {
        this(writeDerivation, fetchCacheTempRoot, callerRoots, TempRootClient.RETRY, PathInUse.LOG_BUG);
    }

    /**
     * The switches as {@code scenarios/variants.yaml} spells them, in declaration order, so what
     * {@code gcsim list} prints can be pasted back into the file.
     */
    public java.util.LinkedHashMap<String, String> asYaml() {
        java.util.LinkedHashMap<String, String> m = new java.util.LinkedHashMap<>();
        m.put("write-derivation", writeDerivation.key());
        m.put("fetch-cache-temp-root", String.valueOf(fetchCacheTempRoot));
        m.put("caller-roots", String.valueOf(callerRoots));
        m.put("temp-root-client", tempRootClient.key());
        m.put("path-in-use", pathInUse.key());
        return m;
    }

    /** The baseline: Nix master when #15158 was opened. */
    public static Switches baseline() {
        return new Switches(WriteDerivationMode.EARLY_RETURN, false, false);
    }
}

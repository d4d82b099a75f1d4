package gcsim.variant;

/**
 * The code-path switches of the one model. A patch variant is a named value of this record; a new
 * patch idea that combines existing switches needs only a new entry in {@code scenarios/variants.yaml}.
 *
 * @param writeDerivation how writeDerivation roots the drv (§2.1)
 * @param fetchCacheTempRoot fetchToStore2's cache hit takes a temp root before isValidPath (§2.11 F2, #15237)
 * @param callerRoots before exiting, each client registers a permanent root (addPermRoot) for every
 *     derivation it wrote and every output it built (§3 V4)
 */
public record Switches(WriteDerivationMode writeDerivation, boolean fetchCacheTempRoot, boolean callerRoots) {
    /** The baseline: Nix master when #15158 was opened. */
    public static Switches baseline() {
        return new Switches(WriteDerivationMode.EARLY_RETURN, false, false);
    }
}

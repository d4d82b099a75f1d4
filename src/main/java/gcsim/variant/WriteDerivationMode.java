package gcsim.variant;

/** How Store::writeDerivation treats a derivation (§2.1, §3). */
public enum WriteDerivationMode {
    /** V0: isValidPath, and an early return with no temp root when valid (2.33). */
    EARLY_RETURN("early-return"),
    /** V1: addTempRoot for the drv and each reference, then as V0 (#15158 as proposed). */
    ROOT_DRV_AND_REFS("root-drv-and-refs"),
    /** V2: addTempRoot for the drv, then as V0 (#15237). */
    ROOT_DRV("root-drv"),
    /** V3: always addToStoreFromDump; the worker takes the temp root (≤2.32). */
    NO_EARLY_RETURN("no-early-return");

    private final String key;

    WriteDerivationMode(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}

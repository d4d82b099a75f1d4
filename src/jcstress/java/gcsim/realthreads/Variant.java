package gcsim.realthreads;

/**
 * The patch ideas, as the real-thread implementation switches them. The ids are the ones
 * {@code scenarios/variants.yaml} gives the simulator's variants, so that the agreement table can
 * set a jcstress result beside gcsim's verdict for the same cell; the switches are written again
 * here from the same reference, on purpose, so that neither implementation borrows the other's.
 *
 * @param writeDerivation how {@code Store::writeDerivation} treats a drv (§2.1)
 * @param fetchCacheRoot fetchToStore2's cache hit takes a temp root before its validity check (§2.11 F2)
 * @param callerRoots a process roots each drv it wrote, as {@code --add-root} does, before it exits (§2.10)
 * @param deletionRecheck the collector re-checks the temp roots before deleting each path (§2.7 B9.2a, #15992)
 */
public enum Variant {
    EARLY_RETURN("early-return", WriteDerivation.EARLY_RETURN, false, false, false),
    DRV_AND_REFS("drv-and-refs", WriteDerivation.ROOT_DRV_AND_REFS, false, false, false),
    DRV_ONLY("drv-only", WriteDerivation.ROOT_DRV, false, false, false),
    NO_EARLY_RETURN("no-early-return", WriteDerivation.NO_EARLY_RETURN, false, false, false),
    CALLER_ROOT("caller-root", WriteDerivation.EARLY_RETURN, false, true, false),
    DRV_AND_FETCH("drv-and-fetch", WriteDerivation.ROOT_DRV, true, false, false),
    NIX_MASTER("nix-master", WriteDerivation.ROOT_DRV, true, false, true);

    /** §2.1: what writeDerivation does before it hands a drv to the worker. */
    public enum WriteDerivation {
        /** The baseline: a valid drv returns early with no temp root. */
        EARLY_RETURN,
        /** #15158 as proposed: temp roots for the drv and each reference, then the check. */
        ROOT_DRV_AND_REFS,
        /** #15237: a temp root for the drv, then the check. */
        ROOT_DRV,
        /** ≤ 2.32: always AddToStore; the worker roots the drv. */
        NO_EARLY_RETURN
    }

    private final String id;
    private final WriteDerivation writeDerivation;
    private final boolean fetchCacheRoot;
    private final boolean callerRoots;
    private final boolean deletionRecheck;

    Variant(String id, WriteDerivation writeDerivation, boolean fetchCacheRoot, boolean callerRoots,
            boolean deletionRecheck) {
        this.id = id;
        this.writeDerivation = writeDerivation;
        this.fetchCacheRoot = fetchCacheRoot;
        this.callerRoots = callerRoots;
        this.deletionRecheck = deletionRecheck;
    }

    public String id() {
        return id;
    }

    WriteDerivation writeDerivation() {
        return writeDerivation;
    }

    boolean fetchCacheRoot() {
        return fetchCacheRoot;
    }

    boolean callerRoots() {
        return callerRoots;
    }

    boolean deletionRecheck() {
        return deletionRecheck;
    }
}

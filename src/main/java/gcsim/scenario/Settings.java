package gcsim.scenario;

/**
 * Nix settings that shape collection, plus the machine's state at the start: free space, and
 * whether {@code gc-socket/socket} exists (it does once any collection has run, since nothing
 * unlinks it; a fresh test store has none). Sizes in bytes, times in virtual nanoseconds.
 * {@code minFree == 0} disables auto-GC, as in Nix.
 */
public record Settings(long minFree, long maxFree, long minFreeCheckIntervalNanos,
                       boolean keepDerivations, boolean keepOutputs, long freeSpace, boolean gcSocketExists) {

    public Settings(long minFree, long maxFree, long minFreeCheckIntervalNanos,
                    boolean keepDerivations, boolean keepOutputs, long freeSpace) {
        this(minFree, maxFree, minFreeCheckIntervalNanos, keepDerivations, keepOutputs, freeSpace, true);
    }

    /** Nix's defaults: no auto-GC, max-free unlimited, 5 s interval, keep-derivations on, keep-outputs off. */
    public static Settings defaults() {
        return new Settings(0, Long.MAX_VALUE, 5_000_000_000L, true, false, 1L << 40, true);
    }
}

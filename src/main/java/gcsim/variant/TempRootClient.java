package gcsim.variant;

/** How addTempRoot's client side behaves when a collector holds gc.lock (§2.6). */
public enum TempRootClient {
    /**
     * Nix ≥ 2.20: retry ENOENT and ECONNREFUSED after 100 ms, rethrow other errors, wait for the
     * collector's ack, with a mutex per descriptor.
     */
    RETRY("nix-2.20"),
    /**
     * Nix 2.8: ECONNREFUSED restarts at once, every other connect or write error is swallowed and the
     * path is appended without an ack; the whole call holds the store's state mutex, which the same
     * process's auto-GC thread needs for its database queries (#3224).
     */
    NIX_2_8("nix-2.8");

    private final String key;

    TempRootClient(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
